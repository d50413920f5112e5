/**
 * @module
 * `query` and `queryAll` (recycle bin included) delegate parsing and evaluation to the SOQL module and page the
 * result: 2,000 records per page unless `Sforce-Query-Options: batchSize=N` (200–2,000) asks otherwise, with
 * `nextRecordsUrl` = `/services/data/vXX.X/query/01g…-{offset}`. Locators expire after 15 minutes idle; an expired
 * or unknown locator → INVALID_QUERY_LOCATOR.
 */
import { jsonResponse, SfError } from '../errors.ts';
import { LOCATOR_IDLE_MS, type Org } from '../org.ts';
import { sfDateTime } from '../rest-format.ts';
import { createSoqlSource } from '../soql-source.ts';
import type { Route, RouteContext } from './types.ts';

export const DEFAULT_BATCH_SIZE = 2000;
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function batchSize(request: Request): number {
  const m = /batchSize\s*=\s*(\d+)/i.exec(request.headers.get('sforce-query-options') ?? '');
  if (!m) return DEFAULT_BATCH_SIZE;
  return Math.min(2000, Math.max(200, Number(m[1])));
}

/** Datetimes leave in Salesforce's +0000 form, wherever they sit in a (nested) record. */
function restDates(value: unknown): unknown {
  if (typeof value === 'string') return ISO_Z.test(value) ? sfDateTime(value) : value;
  if (Array.isArray(value)) return value.map(restDates);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'attributes' ? v : restDates(v)]));
  }
  return value;
}

function pruneLocators(org: Org): void {
  const now = org.clock.now();
  for (const [id, loc] of org.locators) if (now - loc.lastUsed >= LOCATOR_IDLE_MS) org.locators.delete(id);
}

function page(ctx: RouteContext, records: Array<Record<string, unknown>>, totalSize: number, offset: number, size: number, locatorId?: string): Response {
  const slice = records.slice(offset, offset + size);
  const next = offset + slice.length;
  const done = next >= records.length;
  ctx.meta.items = slice.length;
  const body: Record<string, unknown> = { totalSize, done };
  if (!done) {
    let id = locatorId;
    if (!id) {
      id = ctx.org.newLocatorId();
      ctx.org.locators.set(id, { userId: ctx.userId, records, offset: next, pageSize: size, totalSize, lastUsed: ctx.org.clock.now() });
    }
    body.nextRecordsUrl = `/services/data/v${ctx.apiVersion}/query/${id}-${next}`;
  } else if (locatorId) {
    ctx.org.locators.delete(locatorId);
  }
  body.records = slice.map(restDates);
  return jsonResponse(body);
}

async function runQuery(ctx: RouteContext, includeDeleted: boolean): Promise<Response> {
  const q = ctx.url.searchParams.get('q');
  if (!q || !q.trim()) throw new SfError('MALFORMED_QUERY', 'The query parameter q is missing or empty; send ?q=SELECT …');
  let soql: typeof import('../soql/index.ts');
  try {
    soql = await import('../soql/index.ts');
  } catch (error) {
    throw new SfError('NOT_IMPLEMENTED', `not implemented by synclab's Salesforce sim: SOQL engine failed to load (${(error as Error).message})`, 501);
  }
  pruneLocators(ctx.org);
  const result = soql.runSoql(q, createSoqlSource(ctx.org, ctx.userId), {
    now: ctx.org.clock.now(),
    timeZone: String(ctx.user.TimeZoneSidKey ?? 'America/Los_Angeles'),
    includeDeleted,
    apiVersion: ctx.apiVersion,
  });
  return page(ctx, result.records, result.totalSize, 0, batchSize(ctx.request));
}

export const queryRoutes: Route[] = [
  { method: 'GET', path: '/services/data/:version/query', operation: 'query', auth: 'session', handle: (ctx) => runQuery(ctx, false) },
  { method: 'GET', path: '/services/data/:version/queryAll', operation: 'queryAll', auth: 'session', handle: (ctx) => runQuery(ctx, true) },
  { method: 'GET', path: '/services/data/:version/query/:locator', operation: 'queryMore', auth: 'session', handle: (ctx) => queryMore(ctx) },
  { method: 'GET', path: '/services/data/:version/queryAll/:locator', operation: 'queryMore', auth: 'session', handle: (ctx) => queryMore(ctx) },
];

function queryMore(ctx: RouteContext): Response {
  pruneLocators(ctx.org);
  const m = /^(01g[A-Za-z0-9]+)-(\d+)$/.exec(ctx.params.locator!);
  const loc = m ? ctx.org.locators.get(m[1]!) : undefined;
  if (!m || !loc || loc.userId !== ctx.userId) {
    throw new SfError('INVALID_QUERY_LOCATOR', `invalid query locator: ${ctx.params.locator!} (unknown, or idle for more than 15 minutes; run the query again)`);
  }
  const offset = Number(m[2]);
  if (offset > loc.records.length) throw new SfError('INVALID_QUERY_LOCATOR', `invalid query locator: offset ${offset} is past the end (${loc.totalSize} records)`);
  loc.lastUsed = ctx.org.clock.now();
  return page(ctx, loc.records, loc.totalSize, offset, loc.pageSize, m[1]);
}
