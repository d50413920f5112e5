/**
 * @module
 * sObject Collections (SIM-SF-02): POST/PATCH/DELETE `composite/sobjects` and POST `composite/sobjects/{Type}`
 * (retrieve). At most 200 records (EXCEEDED_ID_LIMIT). allOrNone defaults to false: per-record results in input
 * order, failures do not stop the rest. With allOrNone true, the first failure rolls back every write of the request
 * and the other records report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
import { assertCanQuery, canRead, permissionsOf } from '../access.ts';
import { deleteRecord, insertRecord, updateRecord } from '../dml.ts';
import { jsonResponse, SfError } from '../errors.ts';
import { normalizeId } from '../ids.ts';
import { toRestRecord } from '../rest-format.ts';
import { schemaForId } from '../schema/index.ts';
import { allowDuplicates, readJsonObject } from './request-body.ts';
import { schemaFromPath } from './sobjects.ts';
import type { Route, RouteContext } from './types.ts';

export const MAX_COLLECTION_RECORDS = 200;

interface Result {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

/** sObject Collections arrived in API v42.0; older versions have no such resource (jsforce then sends single calls). */
function requireV42(ctx: RouteContext): void {
  if (Number(ctx.apiVersion) < 42) {
    throw new SfError('NOT_FOUND', `The requested resource does not exist: ${ctx.url.pathname} (sObject Collections need API v42.0 or later)`, 404);
  }
}

function checkCount(n: number): void {
  if (n > MAX_COLLECTION_RECORDS) {
    throw new SfError('EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_COLLECTION_RECORDS} records into this call (got ${n})`);
  }
}

/** Runs one write per item; allOrNone rolls all back on the first failure. */
function runAll<T>(ctx: RouteContext, items: T[], allOrNone: boolean, write: (item: T) => string, idOf: (item: T) => string | undefined): Response {
  const store = ctx.org.store;
  const results: Result[] = [];
  let failedAt = -1;
  if (allOrNone) store.begin();
  for (const [i, item] of items.entries()) {
    try {
      results.push({ id: write(item), success: true, errors: [] });
    } catch (error) {
      if (!(error instanceof SfError)) {
        if (allOrNone) store.rollback();
        throw error;
      }
      const id = idOf(item);
      results.push({ ...(id ? { id } : {}), success: false, errors: [error.recordError()] });
      if (allOrNone) {
        failedAt = i;
        break;
      }
    }
  }
  if (allOrNone && failedAt >= 0) {
    store.rollback();
    const rolledBack = (item: T): Result => {
      const id = idOf(item);
      return {
        ...(id ? { id } : {}),
        success: false,
        errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }],
      };
    };
    const final = items.map((item, i) => (i === failedAt ? results[i]! : rolledBack(item)));
    ctx.meta.items = 0;
    return jsonResponse(final);
  }
  if (allOrNone) store.commit();
  ctx.meta.items = results.filter((r) => r.success).length;
  ctx.meta.write = ctx.meta.items > 0;
  return jsonResponse(results);
}

function typeOf(record: Record<string, unknown>): string {
  const attrs = record.attributes as { type?: unknown } | undefined;
  if (!attrs || typeof attrs.type !== 'string') {
    throw new SfError('INVALID_FIELD', 'each record needs attributes.type, e.g. { "attributes": { "type": "Contact" }, … }', 400, ['attributes']);
  }
  return attrs.type;
}

async function recordsOf(ctx: RouteContext): Promise<{ records: Array<Record<string, unknown>>; allOrNone: boolean }> {
  requireV42(ctx);
  const body = await readJsonObject(ctx.request, 'sObject Collections');
  if (!Array.isArray(body.records)) throw new SfError('JSON_PARSER_ERROR', 'sObject Collections: the body needs a "records" array');
  checkCount(body.records.length);
  return { records: body.records as Array<Record<string, unknown>>, allOrNone: body.allOrNone === true };
}

export const collectionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/services/data/:version/composite/sobjects',
    operation: 'composite.sobjects.create',
    auth: 'session',
    handle: async (ctx) => {
      const { records, allOrNone } = await recordsOf(ctx);
      const dup = allowDuplicates(ctx.request);
      return runAll(ctx, records, allOrNone, (r) => {
        if (r.id !== undefined || r.Id !== undefined) throw new SfError('INVALID_FIELD', 'cannot specify Id in an insert call', 400, ['Id']);
        return insertRecord(ctx.org, ctx.userId, typeOf(r), r, { allowDuplicates: dup });
      }, () => undefined);
    },
  },
  {
    method: 'PATCH',
    path: '/services/data/:version/composite/sobjects',
    operation: 'composite.sobjects.update',
    auth: 'session',
    handle: async (ctx) => {
      const { records, allOrNone } = await recordsOf(ctx);
      const dup = allowDuplicates(ctx.request);
      const idOf = (r: Record<string, unknown>): string | undefined => normalizeId(r.id ?? r.Id) ?? (typeof (r.id ?? r.Id) === 'string' ? String(r.id ?? r.Id) : undefined);
      return runAll(ctx, records, allOrNone, (r) => {
        const { id, Id, ...fields } = r;
        if (id === undefined && Id === undefined) throw new SfError('MISSING_ARGUMENT', 'Id not specified in an update call', 400, ['Id']);
        return updateRecord(ctx.org, ctx.userId, typeOf(r), id ?? Id, fields, { allowDuplicates: dup });
      }, idOf);
    },
  },
  {
    method: 'DELETE',
    path: '/services/data/:version/composite/sobjects',
    operation: 'composite.sobjects.delete',
    auth: 'session',
    handle: (ctx) => {
      requireV42(ctx);
      const ids = (ctx.url.searchParams.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (ids.length === 0) throw new SfError('MISSING_ARGUMENT', 'ids: give the record ids to delete, e.g. ?ids=003…,003…', 400, ['ids']);
      checkCount(ids.length);
      const allOrNone = ctx.url.searchParams.get('allOrNone') === 'true';
      return runAll(ctx, ids, allOrNone, (id) => deleteRecord(ctx.org, ctx.userId, undefined, id), (id) => normalizeId(id) ?? id);
    },
  },
  {
    method: 'POST',
    path: '/services/data/:version/composite/sobjects/:type',
    operation: 'composite.sobjects.retrieve',
    auth: 'session',
    handle: async (ctx) => {
      requireV42(ctx);
      const schema = schemaFromPath(ctx);
      const body = await readJsonObject(ctx.request, 'sObject Collections retrieve');
      if (!Array.isArray(body.ids) || !Array.isArray(body.fields) || body.fields.length === 0) {
        throw new SfError('JSON_PARSER_ERROR', 'sObject Collections retrieve: the body needs "ids" and a non-empty "fields" array');
      }
      checkCount(body.ids.length);
      assertCanQuery(schema, permissionsOf(ctx.org, ctx.userId));
      const fields = body.fields.map(String);
      const out = body.ids.map((raw) => {
        const id = normalizeId(raw);
        if (!id || schemaForId(id) !== schema) return null;
        const row = ctx.org.store.get(id)?.row;
        if (!row || row.IsDeleted === true || !canRead(ctx.org, ctx.userId, schema, row)) return null;
        return toRestRecord(schema, row, ctx.apiVersion, fields);
      });
      ctx.meta.items = out.filter(Boolean).length;
      return jsonResponse(out);
    },
  },
];
