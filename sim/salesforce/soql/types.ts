/**
 * @module
 * Public types of the SOQL module: the schema and data the Salesforce sim hands in (SoqlDataSource), the options of
 * a run, the result shape, and SoqlError. The parsed query (SoqlQuery) lives in ast.ts and is re-exported here.
 */

export type { SoqlQuery } from './ast.ts';

export type FieldType =
  | 'id' | 'string' | 'textarea' | 'email' | 'phone' | 'url' | 'picklist' | 'multipicklist' | 'boolean'
  | 'int' | 'double' | 'currency' | 'percent' | 'date' | 'datetime' | 'reference';

export interface FieldSchema {
  /** API name in its canonical case, e.g. `FirstName`. Rows carry values under this exact key. */
  name: string;
  type: FieldType;
  /** For `reference` fields: the objects the id may point to. More than one = polymorphic (What, Who, Owner). */
  referenceTo?: string[];
  /** For `reference` fields: the relationship name used in paths, e.g. `Account` for `AccountId`. */
  relationshipName?: string;
  nillable?: boolean;
  /** false → using the field in WHERE is an INVALID_FIELD error (long text areas). Default true. */
  filterable?: boolean;
  /** false → using the field in ORDER BY is an INVALID_FIELD error. Default true. */
  sortable?: boolean;
}

export interface ObjectSchema {
  /** Canonical API name, e.g. `Contact`. */
  name: string;
  /** Three-character id prefix, e.g. `003`; lets polymorphic lookups name the target object. */
  keyPrefix?: string;
  fields: FieldSchema[];
}

export interface SoqlDataSource {
  /** Case-insensitive lookup; undefined when the org has no such object (→ INVALID_TYPE). */
  schema(objectName: string): ObjectSchema | undefined;
  /** Visible rows of the object, field values by API name (datetimes ISO 'Z', dates 'YYYY-MM-DD'). */
  rows(objectName: string, options: { includeDeleted: boolean }): Iterable<Record<string, unknown>>;
  /** Any record by 15- or 18-character id, for parent relationships. */
  byId(id: string): { objectName: string; row: Record<string, unknown> } | undefined;
}

export interface RunSoqlOptions {
  /** Scenario time (epoch ms) that TODAY, LAST_N_DAYS:n … are evaluated against. */
  now: number;
  /** IANA time zone of the running user (TimeZoneSidKey), e.g. `America/Los_Angeles`. */
  timeZone: string;
  /** queryAll: include rows in the recycle bin. */
  includeDeleted: boolean;
  /** API version of the request, `62.0` or `v62.0`; used in `attributes.url`. */
  apiVersion: string;
}

export interface SoqlResult {
  totalSize: number;
  records: Array<Record<string, unknown>>;
}

/** A row/column position in the query text, both 1-based (Salesforce's `ERROR at Row:1:Column:12`). */
export interface SoqlPosition {
  row: number;
  column: number;
}

/**
 * A query error as Salesforce reports it: `errorCode` (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE,
 * INVALID_QUERY_FILTER_OPERATOR, NUMBER_OUTSIDE_VALID_RANGE) and a `message` that, like Salesforce's, quotes the
 * query line with a caret and `ERROR at Row:r:Column:c` when there is a position. The sim returns
 * `[{ message, errorCode }]` with HTTP 400.
 */
export class SoqlError extends Error {
  readonly errorCode: string;
  readonly position?: SoqlPosition;
  /** The message without the quoted query and caret, e.g. `unexpected token: 'FORM'`. */
  readonly detail: string;
  /** True when the query is valid SOQL that synclab's sim does not implement (GROUP BY, subqueries, …). */
  readonly unsupported: boolean;

  constructor(errorCode: string, detail: string, options: { message?: string; position?: SoqlPosition; unsupported?: boolean } = {}) {
    super(options.message ?? detail);
    this.name = 'SoqlError';
    this.errorCode = errorCode;
    this.detail = detail;
    this.position = options.position;
    this.unsupported = options.unsupported ?? false;
  }
}
