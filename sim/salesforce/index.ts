/**
 * @module
 * synclab's Salesforce simulator: one HTTP server per org (its login URL is its instance URL), serving the SOAP
 * partner login, OAuth 2.0, the REST API (describe, CRUD, sObject Collections, query/queryAll with paging,
 * updated/deleted, limits) and a `/_sim/…` control API, all against in-memory orgs built from a SalesforceWorld.
 *
 * ```ts
 * const sim = await startSalesforceSim({ clock, seed: 7, world });
 * const conn = new jsforce.Connection({ loginUrl: sim.org('prod').loginUrl });
 * await conn.login(sim.org('prod').admin.username, sim.org('prod').admin.password);
 * ```
 */
import { FaultSchedule } from '#sim-core/fault-schedule.ts';
import { serveFetchHandler, type RunningServer } from '#sim-core/http-server.ts';
import { Trace } from '#sim-core/trace.ts';
import type { Clock } from '#time/clock.ts';
import { createRng } from '#util/random.ts';
import { createActions, type SalesforceActions } from './actions.ts';
import { buildOrgRecords } from './build-records.ts';
import { buildOrgSetup, type AdminCredentials } from './build-org.ts';
import { errorResponse, SfError } from './errors.ts';
import { Org, type OrgSnapshot } from './org.ts';
import { compileRoutes, createOrgHandler } from './router.ts';
import { allRoutes } from './routes/index.ts';
import { controlRoutes } from './routes/control.ts';
import type { SimShared } from './routes/types.ts';
import type { OrgSpec, SalesforceWorld } from './world.ts';

export { buildDemoSalesforceWorld } from './demo-world.ts';
export type { SalesforceActions } from './actions.ts';
export { normalizeId, idChecksum } from './ids.ts';

export interface SalesforceSimOptions {
  clock: Clock;
  seed?: number;
  world: SalesforceWorld;
  /**
   * Keep a copy of the built orgs so `reset()` can go back to them (default true). A rehearsal never resets and would
   * pay the copy's memory for the whole run, so it turns this off.
   */
  resettable?: boolean;
}

export interface SimOrg {
  /** Scenario label, e.g. prod, uat. */
  id: string;
  /** 18-char 00D… id. */
  orgId: string;
  kind: 'production' | 'sandbox';
  loginUrl: string;
  instanceUrl: string;
  admin: AdminCredentials;
  /** In-process access to the org's HTTP app (no socket). */
  fetch(request: Request): Promise<Response>;
  /** The live org model, for actions and expectations. */
  readonly model: Org;
}

export interface SalesforceSimSnapshot {
  orgs: Record<string, OrgSnapshot>;
  at: number;
}

export interface SalesforceSim {
  orgs: SimOrg[];
  org(id: string): SimOrg;
  actions: SalesforceActions;
  faults: FaultSchedule;
  trace: Trace;
  snapshot(): SalesforceSimSnapshot;
  restore(snapshot: SalesforceSimSnapshot): void;
  /** Back to the state right after the world was built (faults and trace cleared). */
  reset(): void;
  close(): Promise<void>;
}

export async function startSalesforceSim(options: SalesforceSimOptions): Promise<SalesforceSim> {
  const seed = options.seed ?? 0;
  const rng = createRng(seed).fork('salesforce');
  const shared: SimShared = { clock: options.clock, faults: new FaultSchedule(options.clock, seed), trace: new Trace() };
  validateWorld(options.world);
  const servers: RunningServer[] = [];
  const orgs: SimOrg[] = [];
  const sim: SalesforceSim = {
    orgs,
    org(id) {
      const found = orgs.find((o) => o.id === id);
      if (!found) throw new Error(`salesforce sim: no org "${id}"; orgs are ${orgs.map((o) => `"${o.id}"`).join(', ')}`);
      return found;
    },
    actions: undefined as unknown as SalesforceActions,
    faults: shared.faults,
    trace: shared.trace,
    snapshot: () => ({ orgs: Object.fromEntries(orgs.map((o) => [o.id, o.model.snapshot()])), at: options.clock.now() }),
    restore(snapshot) {
      for (const o of orgs) {
        const s = snapshot.orgs[o.id];
        if (!s) throw new Error(`salesforce sim: the snapshot has no org "${o.id}"; it was taken from another world`);
        o.model.restore(s);
      }
    },
    reset() {
      if (!initial) throw new Error('salesforce sim reset(): this sim was started with resettable: false, so it kept no copy of its initial orgs; start it without that option to reset it');
      sim.restore(initial);
      shared.faults.clear();
      shared.trace.clear();
    },
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
  const routes = compileRoutes([...controlRoutes(sim), ...allRoutes]);

  try {
    for (const [index, spec] of options.world.orgs.entries()) {
      const org = new Org(spec, options.clock, rng.fork(`org:${spec.id}`), index + 1);
      const admin = buildOrg(org, spec, seed);
      const handler = createOrgHandler(org, shared, routes);
      const server = await serveFetchHandler(handler, {
        onError: (error) => errorResponse(new SfError('UNKNOWN_EXCEPTION', `synclab Salesforce sim internal error: ${String(error)}`, 500)),
      });
      servers.push(server);
      org.origin = server.origin;
      orgs.push({ id: spec.id, orgId: org.orgId, kind: spec.kind, loginUrl: server.origin, instanceUrl: server.origin, admin, fetch: handler, model: org });
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  sim.actions = createActions(sim, shared);
  const initial = options.resettable === false ? undefined : sim.snapshot();
  return sim;
}

function buildOrg(org: Org, spec: OrgSpec, seed: number): AdminCredentials {
  try {
    const admin = buildOrgSetup(org, spec);
    buildOrgRecords(org, spec, org.refs.get('user:' + adminRef(spec))!, seed);
    return admin;
  } catch (error) {
    const message = error instanceof SfError ? `${error.errorCode}: ${error.message}` : (error as Error).message;
    throw new Error(message.startsWith('world:') ? message : `world: org "${spec.id}": ${message}`);
  }
}

function adminRef(spec: OrgSpec): string {
  return spec.users?.find((u) => u.admin)?.ref ?? 'admin';
}

function validateWorld(world: SalesforceWorld): void {
  if (!world || !Array.isArray(world.orgs) || world.orgs.length === 0) {
    throw new Error('salesforce sim: the world needs at least one org, e.g. { orgs: [{ id: "prod", kind: "production" }] }');
  }
  const seen = new Set<string>();
  for (const o of world.orgs) {
    if (!o.id || !/^[a-z][a-z0-9-]*$/i.test(o.id)) throw new Error(`salesforce sim: org id "${o.id}" must be a short label such as prod or uat`);
    if (seen.has(o.id)) throw new Error(`salesforce sim: two orgs have id "${o.id}"`);
    if (o.kind !== 'production' && o.kind !== 'sandbox') throw new Error(`salesforce sim: org "${o.id}" kind must be production or sandbox, got "${String(o.kind)}"`);
    seen.add(o.id);
  }
}
