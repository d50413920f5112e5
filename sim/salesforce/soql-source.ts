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

export function createSoqlSource(org: Org, userId: string): SoqlDataSource {
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
    byId(rawId) {
      const id = normalizeId(rawId);
      const stored = id ? org.store.get(id) : undefined;
      if (!stored || !schemaForId(id!)) return undefined;
      return { objectName: stored.type, row: stored.row };
    },
  };
}
