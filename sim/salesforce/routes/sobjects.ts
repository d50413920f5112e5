/**
 * @module
 * `sobjects` (global describe), `sobjects/{Type}` (basic info, POST create), `sobjects/{Type}/describe`, and
 * `sobjects/{Type}/{id}` (GET with `?fields=`, PATCH → 204, DELETE → 204). Unknown types → 404 NOT_FOUND.
 */
import { assertCanQuery, canRead, permissionsOf } from '../access.ts';
import { deleteRecord, insertRecord, updateRecord } from '../dml.ts';
import { jsonResponse, malformedId, SfError } from '../errors.ts';
import { normalizeId } from '../ids.ts';
import { describeObject, describeObjectSummary, toRestRecord } from '../rest-format.ts';
import { ALL_SCHEMAS, schemaFor, schemaForId, type ObjectSchema } from '../schema/index.ts';
import { allowDuplicates, readJsonObject } from './request-body.ts';
import type { Route, RouteContext } from './types.ts';

export function schemaFromPath(ctx: RouteContext): ObjectSchema {
  const schema = schemaFor(ctx.params.type!);
  if (!schema) {
    throw new SfError('NOT_FOUND', `The requested resource does not exist: sObject type '${ctx.params.type!}' is not served by synclab's Salesforce sim (${ctx.url.pathname})`, 404);
  }
  return schema;
}

function retrieve(ctx: RouteContext): Response {
  const schema = schemaFromPath(ctx);
  const id = normalizeId(ctx.params.id);
  if (!id || schemaForId(id) !== schema) throw malformedId(`${schema.name} ID`, ctx.params.id);
  assertCanQuery(schema, permissionsOf(ctx.org, ctx.userId));
  const row = ctx.org.store.get(id)?.row;
  if (row?.IsDeleted === true && canRead(ctx.org, ctx.userId, schema, row)) {
    throw new SfError('ENTITY_IS_DELETED', `entity is deleted: ${id} (it is in the recycle bin; queryAll still returns it)`, 404);
  }
  if (!row || row.IsDeleted === true || !canRead(ctx.org, ctx.userId, schema, row)) {
    throw new SfError('NOT_FOUND', `The requested resource does not exist: ${ctx.url.pathname}`, 404);
  }
  const fields = ctx.url.searchParams.get('fields');
  ctx.meta.items = 1;
  return jsonResponse(toRestRecord(schema, row, ctx.apiVersion, fields ? fields.split(',').map((f) => f.trim()).filter(Boolean) : undefined));
}

export const sobjectRoutes: Route[] = [
  {
    method: 'GET',
    path: '/services/data/:version/sobjects',
    operation: 'describeGlobal',
    auth: 'session',
    handle: ({ apiVersion }) =>
      jsonResponse({ encoding: 'UTF-8', maxBatchSize: 200, sobjects: ALL_SCHEMAS.map((s) => describeObjectSummary(s, apiVersion)) }),
  },
  {
    method: 'GET',
    path: '/services/data/:version/sobjects/:type',
    operation: 'sobjects.info',
    auth: 'session',
    handle: (ctx) => jsonResponse({ objectDescribe: describeObjectSummary(schemaFromPath(ctx), ctx.apiVersion), recentItems: [] }),
  },
  {
    method: 'GET',
    path: '/services/data/:version/sobjects/:type/describe',
    operation: 'describe',
    auth: 'session',
    handle: (ctx) => jsonResponse(describeObject(schemaFromPath(ctx), ctx.apiVersion)),
  },
  {
    method: 'POST',
    path: '/services/data/:version/sobjects/:type',
    operation: 'sobjects.create',
    auth: 'session',
    handle: async (ctx) => {
      const schema = schemaFromPath(ctx);
      const body = await readJsonObject(ctx.request, `create ${schema.name}`);
      const id = insertRecord(ctx.org, ctx.userId, schema.name, body, { allowDuplicates: allowDuplicates(ctx.request) });
      ctx.meta.write = true;
      ctx.meta.items = 1;
      return jsonResponse({ id, success: true, errors: [] }, 201, { location: `/services/data/v${ctx.apiVersion}/sobjects/${schema.name}/${id}` });
    },
  },
  { method: 'GET', path: '/services/data/:version/sobjects/:type/:id', operation: 'sobjects.retrieve', auth: 'session', handle: retrieve },
  {
    method: 'PATCH',
    path: '/services/data/:version/sobjects/:type/:id',
    operation: 'sobjects.update',
    auth: 'session',
    handle: async (ctx) => {
      const schema = schemaFromPath(ctx);
      const body = await readJsonObject(ctx.request, `update ${schema.name}`);
      updateRecord(ctx.org, ctx.userId, schema.name, ctx.params.id, body, { allowDuplicates: allowDuplicates(ctx.request) });
      ctx.meta.write = true;
      ctx.meta.items = 1;
      return new Response(null, { status: 204 });
    },
  },
  {
    method: 'DELETE',
    path: '/services/data/:version/sobjects/:type/:id',
    operation: 'sobjects.delete',
    auth: 'session',
    handle: (ctx) => {
      const schema = schemaFromPath(ctx);
      deleteRecord(ctx.org, ctx.userId, schema.name, ctx.params.id);
      ctx.meta.write = true;
      ctx.meta.items = 1;
      return new Response(null, { status: 204 });
    },
  },
];
