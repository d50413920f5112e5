/**
 * @module
 * The SoqlDataSource the SOQL module queries: the org's schemas, the rows the running user may see (sharing and
 * CONN-10 read rules applied here, so SOQL never sees a row it should not), and lookups by id for parent
 * relationships (Owner.Name, Account.Name, What.Name).
 */
import { assertCanQuery, canRead, permissionsOf } from './access.ts';
import { normalizeId } from './ids.ts';
import type { Org } from './org.ts';
import { schemaFor, schemaForId } from './schema/index.ts';
import type { SoqlDataSource } from './soql/types.ts';
import type { Row } from './store.ts';

export interface IndexedSoqlDataSource extends SoqlDataSource {
  rowsWhere(objectName: string, field: string, value: unknown, options: { includeDeleted: boolean }): Iterable<Row>;
}

export function createSoqlSource(org: Org, userId: string): IndexedSoqlDataSource {
  const perms = permissionsOf(org, userId);
  return {
    schema: (objectName) => schemaFor(objectName),
    *rows(objectName, { includeDeleted }): Iterable<Row> {
      const schema = schemaFor(objectName);
      if (!schema) return;
      assertCanQuery(schema, perms);
      for (const row of org.store.rowsOf(schema.name)) {
        if (row.IsDeleted === true && !includeDeleted) continue;
        if (canRead(org, userId, schema, row, perms)) yield row;
      }
    },
    /**
     * Optional extension beyond SoqlDataSource: the visible rows whose `field` equals `value`, through the store's
     * index. A SOQL engine may use it for a top-level `field = 'literal'` or `field IN (…)` conjunct (OwnerId = '005…',
     * Email IN (…)) instead of scanning every row; the result is the rows `rows()` would give, filtered (order may
     * differ, as unordered SOQL may). Text fields match case-insensitively, as SOQL's `=` does.
     */
    *rowsWhere(objectName: string, field: string, value: unknown, { includeDeleted }: { includeDeleted: boolean }): Iterable<Row> {
      const schema = schemaFor(objectName);
      if (!schema) return;
      assertCanQuery(schema, perms);
      const f = schema.fields.find((x) => x.name.toLowerCase() === field.toLowerCase());
      if (!f) return;
      const exact = f.type === 'id' || f.type === 'reference';
      const key = exact ? (normalizeId(value) ?? value) : value;
      // Text compares case-insensitively in SOQL, so text fields go through the case-folded index.
      for (const row of org.store.rowsWhere(schema.name, f.name, key, { foldCase: !exact })) {
        if (row.IsDeleted === true && !includeDeleted) continue;
        if (canRead(org, userId, schema, row, perms)) yield row;
      }
    },
    byId(rawId) {
      const id = normalizeId(rawId);
      const stored = id ? org.store.get(id) : undefined;
      if (!stored || !schemaForId(id!)) return undefined;
      return { objectName: stored.type, row: stored.row };
    },
  };
}
