/**
 * @module
 * Candidate rows for a query through an equality index instead of a full scan. The engine's per-rep reads all say
 * `WHERE OwnerId = '005…' AND …`; scanning every Contact / Event of the org for each of them made a rehearsal cycle
 * quadratic in the number of reps (issue #6 §6). The full predicate is still applied to every candidate, so the index
 * only narrows the rows, never decides a match.
 */
import type { Condition, SoqlQuery } from './ast.ts';
import type { ObjectSchema, SoqlDataSource } from './types.ts';

type Row = Record<string, unknown>;

/** A data source that can also list the visible rows whose `field` equals `value` (sim/salesforce/soql-source.ts). */
interface IndexedSource extends SoqlDataSource {
  rowsWhere(objectName: string, field: string, value: unknown, options: { includeDeleted: boolean }): Iterable<Row>;
}

/** Text types whose `=` / `IN` the case-folded index can answer (SOQL compares them case-insensitively). */
const TEXT_TYPES = new Set(['string', 'email', 'phone', 'picklist', 'url']);

/** At most this many IN values go through the index; a longer list scans (each value is one index lookup). */
const MAX_IN_VALUES = 1_000;

/**
 * The index's rows for a top-level `field = 'literal'` or `field IN ('a', 'b', …)` conjunct on an id, reference or
 * text field, or undefined (scan everything). Only for queries ordered by Id: the index yields rows in a different
 * order than a scan, and a total order makes the result identical either way. The engine's per-rep reads
 * (`OwnerId = …`) and its lookups by company and email (`Name IN (…)`, `Email IN (…)`) all qualify; without the
 * lookups each rep scanned every Account and Contact of the org (issue #6: quadratic in reps).
 */
export function indexedRows(query: SoqlQuery, schema: ObjectSchema, source: SoqlDataSource, includeDeleted: boolean): Iterable<Row> | undefined {
  if (!('rowsWhere' in source) || typeof (source as IndexedSource).rowsWhere !== 'function') return undefined;
  if (!query.orderBy.some((o) => o.path.parts.length === 1 && o.path.parts[0]!.toLowerCase() === 'id')) return undefined;
  const conjuncts: Condition[] = !query.where ? [] : query.where.kind === 'and' ? query.where.items : [query.where];
  for (const c of conjuncts) {
    if ((c.kind !== 'compare' && c.kind !== 'set') || c.field.parts.length !== 1) continue;
    const literals = c.kind === 'compare' ? (c.op === '=' ? [c.value] : []) : c.op === 'IN' ? c.values : [];
    if (literals.length === 0 || literals.length > MAX_IN_VALUES || literals.some((l) => l.kind !== 'string')) continue;
    const field = schema.fields.find((f) => f.name.toLowerCase() === c.field.parts[0]!.toLowerCase());
    if (!field || (field.type !== 'id' && field.type !== 'reference' && !TEXT_TYPES.has(field.type))) continue;
    return unionOf(source as IndexedSource, schema.name, field.name, literals.map((l) => (l as { value: string }).value), includeDeleted);
  }
  return undefined;
}

/** Rows matching any of the values, each once (two literals may name the same row: 15/18-char ids, case). */
function* unionOf(source: IndexedSource, objectName: string, field: string, values: string[], includeDeleted: boolean): Iterable<Row> {
  const seen = new Set<Row>();
  for (const value of values) {
    for (const row of source.rowsWhere(objectName, field, value, { includeDeleted })) {
      if (seen.has(row)) continue;
      seen.add(row);
      yield row;
    }
  }
}
