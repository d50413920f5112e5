/**
 * @module
 * The parsed form of a SOQL query. Every node that can be blamed in an error carries `at`, the character offset of
 * its first token in the query text (turned into Row/Column only when an error is raised).
 */

/** A dotted field path as written, e.g. `Account.Owner.Email` → ['Account', 'Owner', 'Email']. */
export interface FieldPath {
  parts: string[];
  at: number;
}

export type SelectItem =
  | { kind: 'field'; path: FieldPath }
  /** COUNT() — the whole query returns only totalSize. */
  | { kind: 'count'; at: number }
  /** COUNT(field) [alias] — one AggregateResult record. */
  | { kind: 'count-field'; path: FieldPath; alias?: string; at: number };

/** A relative date literal such as TODAY or LAST_N_DAYS:7. `n` only for the `_N_` forms. */
export interface DateLiteralValue {
  kind: 'date-literal';
  name: string;
  n?: number;
  at: number;
}

export type LiteralValue =
  | { kind: 'null'; at: number }
  | { kind: 'boolean'; value: boolean; at: number }
  | { kind: 'number'; value: number; text: string; at: number }
  /** `value` decoded; `raw` as written between the quotes (LIKE needs \% and \_ undecoded). */
  | { kind: 'string'; value: string; raw: string; at: number }
  /** `2026-03-02` */
  | { kind: 'date'; value: string; at: number }
  /** `2026-03-02T08:00:00Z` / `+0000` / `+01:00`, normalised to epoch ms. */
  | { kind: 'datetime'; epochMs: number; text: string; at: number }
  | DateLiteralValue;

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE';
export type SetOperator = 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type Condition =
  | { kind: 'and'; items: Condition[] }
  | { kind: 'or'; items: Condition[] }
  | { kind: 'not'; item: Condition; at: number }
  | { kind: 'compare'; field: FieldPath; op: ComparisonOperator; value: LiteralValue; opAt: number }
  | { kind: 'set'; field: FieldPath; op: SetOperator; values: LiteralValue[]; opAt: number };

export interface OrderItem {
  path: FieldPath;
  direction: 'ASC' | 'DESC';
  /** Salesforce defaults: ASC → NULLS FIRST, DESC → NULLS LAST. Resolved by the parser. */
  nulls: 'FIRST' | 'LAST';
}

export interface SoqlQuery {
  /** The original text; errors found while running quote it. */
  text: string;
  select: SelectItem[];
  from: { name: string; at: number };
  where?: Condition;
  orderBy: OrderItem[];
  limit?: number;
  offset?: { value: number; at: number };
}
