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

/**
 * The index's rows for a top-level `idOrReferenceField = 'literal'` conjunct, or undefined (scan everything).
 * Only for queries ordered by Id: the index yields rows in a different order than a scan, and a total order makes
 * the result identical either way.
 */
export function indexedRows(query: SoqlQuery, schema: ObjectSchema, source: SoqlDataSource, includeDeleted: boolean): Iterable<Row> | undefined {
  if (!('rowsWhere' in source) || typeof (source as IndexedSource).rowsWhere !== 'function') return undefined;
  if (!query.orderBy.some((o) => o.path.parts.length === 1 && o.path.parts[0]!.toLowerCase() === 'id')) return undefined;
  const conjuncts: Condition[] = !query.where ? [] : query.where.kind === 'and' ? query.where.items : [query.where];
  for (const c of conjuncts) {
    if (c.kind !== 'compare' || c.op !== '=' || c.value.kind !== 'string' || c.field.parts.length !== 1) continue;
    const field = schema.fields.find((f) => f.name.toLowerCase() === c.field.parts[0]!.toLowerCase());
    if (!field || (field.type !== 'id' && field.type !== 'reference')) continue;
    return (source as IndexedSource).rowsWhere(schema.name, field.name, c.value.value, { includeDeleted });
  }
  return undefined;
}
