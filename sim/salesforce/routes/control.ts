/**
 * @module
 * The `/_sim/…` control API on every org server (LocalStack's developer-API idea): state dump, snapshot/restore,
 * reset, apply an action, set the scenario clock, set faults, read the trace. No auth (the sims bind to 127.0.0.1
 * only); never traced, never faulted, never counted against the API budget. `org` defaults to the serving org.
 */
import type { FaultRule } from '#sim-core/fault-schedule.ts';
import type { SalesforceActions } from '../actions.ts';
import { jsonResponse, SfError } from '../errors.ts';
import type { Org, OrgSnapshot } from '../org.ts';
import { ALL_SCHEMAS } from '../schema/index.ts';
import { readJson, readJsonObject } from './request-body.ts';
import type { Route, RouteContext, SimShared } from './types.ts';

interface ControlledSim {
  orgs: Array<{ id: string; orgId: string; kind: string; loginUrl: string; admin: { username: string }; model: Org }>;
  actions: SalesforceActions;
  faults: SimShared['faults'];
  trace: SimShared['trace'];
  snapshot(): { orgs: Record<string, OrgSnapshot>; at: number };
  restore(snapshot: { orgs: Record<string, OrgSnapshot>; at: number }): void;
  reset(): void;
}

interface ClockControl {
  set?(to: number | string): number;
  advance?(ms: number): number;
}

export function controlRoutes(sim: ControlledSim): Route[] {
  const snapshots = new Map<string, ReturnType<ControlledSim['snapshot']>>();
  const ok = (body: unknown = { ok: true }): Response => jsonResponse(body ?? { ok: true });
  const route = (method: string, path: string, handle: (ctx: RouteContext) => Promise<Response> | Response): Route => ({
    method, path, operation: `_sim.${path.split('/')[2]}`, auth: 'none', handle,
  });
  return [
    route('GET', '/_sim/state', (ctx) => {
      const type = ctx.url.searchParams.get('type');
      const orgs = sim.orgs.map((o) => ({
        id: o.id, orgId: o.orgId, kind: o.kind, loginUrl: o.loginUrl, admin: o.admin.username,
        apiCallsUsed: o.model.apiCallsUsed(), sessions: o.model.sessions.size,
        counts: Object.fromEntries(ALL_SCHEMAS.map((s) => [s.name, o.model.store.count(s.name)])),
      }));
      const records = type ? sim.actions.find(ctx.url.searchParams.get('org') ?? ctx.org.label, type, undefined, { includeDeleted: true }) : undefined;
      return ok({ now: new Date(ctx.shared.clock.now()).toISOString(), orgs, ...(records ? { records } : {}) });
    }),
    route('POST', '/_sim/snapshot', () => {
      const id = `snap-${snapshots.size + 1}`;
      snapshots.set(id, sim.snapshot());
      return ok({ snapshotId: id });
    }),
    route('POST', '/_sim/restore', async (ctx) => {
      const body = await readJsonObject(ctx.request, '/_sim/restore');
      const snap = snapshots.get(String(body.snapshotId));
      if (!snap) throw new SfError('NOT_FOUND', `no snapshot "${String(body.snapshotId)}"; take one with POST /_sim/snapshot`, 404);
      sim.restore(snap);
      return ok();
    }),
    route('POST', '/_sim/reset', () => {
      sim.reset();
      return ok();
    }),
    route('POST', '/_sim/action', async (ctx) => {
      const body = await readJsonObject(ctx.request, '/_sim/action');
      try {
        return ok({ result: sim.actions.apply({ org: ctx.org.label, ...body }) ?? null });
      } catch (error) {
        if (error instanceof SfError) throw error;
        throw new SfError('INVALID_OPERATION', (error as Error).message);
      }
    }),
    route('POST', '/_sim/clock', async (ctx) => {
      const body = await readJsonObject(ctx.request, '/_sim/clock');
      const clock = ctx.shared.clock as ClockControl;
      if (!clock.set || !clock.advance) throw new SfError('INVALID_OPERATION', 'the sim runs on a system clock; only a ScenarioClock can be set');
      try {
        if (typeof body.advanceMs === 'number') clock.advance(body.advanceMs);
        else if (typeof body.to === 'string' || typeof body.to === 'number') clock.set(body.to);
        else throw new Error('send { "advanceMs": 60000 } or { "to": "2026-03-02T09:00:00Z" }');
      } catch (error) {
        throw new SfError('INVALID_OPERATION', (error as Error).message);
      }
      return ok({ now: new Date(ctx.shared.clock.now()).toISOString() });
    }),
    route('GET', '/_sim/faults', () => ok({ rules: sim.faults.list().map((r) => ({ ...r, fired: sim.faults.firedCount(r.id) })) })),
    route('PUT', '/_sim/faults', async (ctx) => {
      const body = await readJson(ctx.request);
      const rules = (Array.isArray(body) ? body : (body as { rules?: unknown }).rules) as FaultRule[] | undefined;
      if (!Array.isArray(rules)) throw new SfError('JSON_PARSER_ERROR', 'send an array of fault rules, or { "rules": [...] }');
      try {
        sim.faults.set(rules);
      } catch (error) {
        throw new SfError('INVALID_OPERATION', (error as Error).message);
      }
      return ok({ rules: rules.length });
    }),
    route('GET', '/_sim/trace', (ctx) => {
      const since = Number(ctx.url.searchParams.get('since') ?? 0);
      return ok({ totals: sim.trace.totals, lastSeq: sim.trace.lastSeq(), entries: sim.trace.since(since) });
    }),
  ];
}
