/**
 * Shared set-up for the Salesforce sim contract suite: a scenario clock, a small two-org world, and jsforce
 * connections with jsforce's own GET retries switched off (they would wait ~15 s of wall time on a 503).
 */
import { createRequire } from 'node:module';
import jsforce from 'jsforce';
import { ScenarioClock } from '#time/clock.ts';
import { startSalesforceSim, type SalesforceSim } from '../../../sim/salesforce/index.ts';
import type { SalesforceWorld } from '../../../sim/salesforce/world.ts';

createRequire(import.meta.url)('jsforce/lib/request').setDefaults({ retry: { maxRetries: 0 } });

export const START = '2026-03-02T08:00:00.000Z';
export const CLIENT = { clientId: 'cid-1', clientSecret: 'csecret-1' };

export function smallWorld(): SalesforceWorld {
  return {
    orgs: [
      {
        id: 'prod',
        kind: 'production',
        domain: 'acme.test',
        connectedApps: [CLIENT],
        lightningSync: { serviceAccountUsername: 'svc@acme.test' },
        profiles: [{ name: 'No API', permissions: [] }],
        permissionSets: [{ name: 'Sync Admin', permissions: ['CustomizeApplication', 'ManageUsers', 'ManageLightningSync'] }],
        users: [
          { ref: 'admin', admin: true, password: 'admin-pw' },
          { ref: 'ana', password: 'ana-pw', firstName: 'Ana', lastName: 'Lopez' },
          { ref: 'bo', password: 'bo-pw' },
          { ref: 'gone', password: 'gone-pw', isActive: false },
          { ref: 'noapi', password: 'noapi-pw', profile: 'No API' },
          { ref: 'half', password: 'half-pw', permissionSets: ['Sync Admin'] },
        ],
        accounts: [{ ref: 'acme', name: 'Acme Corp', owner: 'ana' }],
        contacts: [{ ref: 'c1', lastName: 'Smith', firstName: 'Jo', email: 'jo@example.test', owner: 'ana', account: 'acme' }],
        configs: [{ name: 'Reps', users: ['ana'] }],
      },
      {
        id: 'uat',
        kind: 'sandbox',
        edition: 'Developer',
        domain: 'acme.test',
        users: [{ ref: 'admin', admin: true, password: 'uat-pw' }, { ref: 'ana', password: 'ana-uat' }],
      },
    ],
  };
}

export async function startSim(world = smallWorld(), seed = 7): Promise<{ sim: SalesforceSim; clock: ScenarioClock }> {
  const clock = new ScenarioClock(START);
  const sim = await startSalesforceSim({ clock, seed, world });
  return { sim, clock };
}

export async function login(sim: SalesforceSim, org: string, username: string, password: string, version = '62.0'): Promise<jsforce.Connection> {
  const conn = new jsforce.Connection({ loginUrl: sim.org(org).loginUrl, version });
  await conn.login(username, password);
  return conn;
}

export async function loginAdmin(sim: SalesforceSim, org = 'prod', version = '62.0'): Promise<jsforce.Connection> {
  const { username, password } = sim.org(org).admin;
  return login(sim, org, username, password, version);
}

/** What a rejected jsforce call carried: errorCode (or name) and message. */
export async function failure(promise: PromiseLike<unknown>): Promise<{ errorCode: string; message: string; data?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { errorCode?: string; name?: string; message?: string; data?: unknown };
    return { errorCode: e.errorCode ?? e.name ?? 'unknown', message: e.message ?? String(error), data: e.data };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
