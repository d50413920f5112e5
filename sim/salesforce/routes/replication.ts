/**
 * @module
 * `sobjects/{Type}/updated?start&end` and `/deleted?start&end` (SIM-SF-01). Times are truncated to the minute.
 * start must precede end by at least a minute, and may not lie before the window — updated: 30 days, deleted:
 * 15 days before the day of the call — else INVALID_REPLICATION_DATE. `deleted` also reports
 * `earliestDateAvailable`: the later of the window start and the last recycle-bin purge; a start before it means
 * deletions may have been lost and the client must resync fully. Only records the user can see are reported.
 */
import { assertCanQuery, canRead, permissionsOf } from '../access.ts';
import { jsonResponse, SfError } from '../errors.ts';
import { sfDateTime } from '../rest-format.ts';
import { parseSalesforceDateTime } from '../validation.ts';
import { schemaFromPath } from './sobjects.ts';
import type { Route, RouteContext } from './types.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
export const UPDATED_WINDOW_DAYS = 30;
export const DELETED_WINDOW_DAYS = 15;

const iso = (ms: number): unknown => sfDateTime(new Date(ms).toISOString());

function range(ctx: RouteContext, windowDays: number): { start: number; end: number; windowStart: number; covered: number } {
  const parse = (name: 'start' | 'end'): number => {
    const raw = ctx.url.searchParams.get(name);
    const ms = raw ? parseSalesforceDateTime(raw.replace(' ', '+')) : undefined;
    if (ms === undefined) {
      throw new SfError('INVALID_REPLICATION_DATE', `${name}: give an ISO 8601 date-time, e.g. ?${name}=2026-03-02T08:00:00+00:00 (got ${raw ?? 'nothing'})`);
    }
    return Math.floor(ms / MINUTE) * MINUTE;
  };
  const start = parse('start');
  const end = parse('end');
  const now = ctx.org.clock.now();
  if (end - start < MINUTE) {
    throw new SfError('INVALID_REPLICATION_DATE', `EndDate must be at least one minute after StartDate (start ${String(iso(start))}, end ${String(iso(end))})`);
  }
  const windowStart = Math.floor(now / DAY) * DAY - windowDays * DAY;
  if (start < windowStart) {
    throw new SfError(
      'INVALID_REPLICATION_DATE',
      `startDate cannot be more than ${windowDays} days ago (earliest ${String(iso(windowStart))}, got ${String(iso(start))}); replicate from a full query instead`,
    );
  }
  return { start, end, windowStart, covered: Math.min(end, Math.floor(now / MINUTE) * MINUTE) };
}

export const replicationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/services/data/:version/sobjects/:type/updated',
    operation: 'updated',
    auth: 'session',
    handle: (ctx) => {
      const schema = schemaFromPath(ctx);
      const { start, covered } = range(ctx, UPDATED_WINDOW_DAYS);
      const perms = permissionsOf(ctx.org, ctx.userId);
      assertCanQuery(schema, perms);
      const ids: string[] = [];
      for (const row of ctx.org.store.rowsOf(schema.name)) {
        if (row.IsDeleted === true) continue;
        const stamp = Date.parse(String(row.SystemModstamp));
        if (stamp >= start && stamp < covered && canRead(ctx.org, ctx.userId, schema, row, perms)) ids.push(String(row.Id));
      }
      ctx.meta.items = ids.length;
      return jsonResponse({ ids, latestDateCovered: iso(covered) });
    },
  },
  {
    method: 'GET',
    path: '/services/data/:version/sobjects/:type/deleted',
    operation: 'deleted',
    auth: 'session',
    handle: (ctx) => {
      const schema = schemaFromPath(ctx);
      const { start, covered, windowStart } = range(ctx, DELETED_WINDOW_DAYS);
      const perms = permissionsOf(ctx.org, ctx.userId);
      assertCanQuery(schema, perms);
      const deletedRecords: Array<{ id: string; deletedDate: unknown }> = [];
      for (const entry of ctx.org.store.deleteLog()) {
        if (entry.type !== schema.name || entry.deletedAt < start || entry.deletedAt >= covered) continue;
        const row = ctx.org.store.get(entry.id)?.row;
        if (row && row.IsDeleted !== true) continue; // undeleted since: no longer reported
        if (row && !canRead(ctx.org, ctx.userId, schema, row, perms)) continue;
        deletedRecords.push({ id: entry.id, deletedDate: iso(entry.deletedAt) });
      }
      ctx.meta.items = deletedRecords.length;
      return jsonResponse({ deletedRecords, earliestDateAvailable: iso(Math.max(windowStart, ctx.org.purgedAt)), latestDateCovered: iso(covered) });
    },
  },
];
