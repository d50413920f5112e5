/**
 * Both sims on port 0 and an engine pointed at them through URLs only — the same way `synclab sync` runs it.
 * Tests build small worlds with `worlds()` and get back handles to the sims, the engine and its state directory.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { createSyncEngine } from '../../../src/sync/index.ts';
import type { EngineConfig, EngineDeps, SyncEngine } from '../../../src/sync/api.ts';
import { startExchangeSim, type ExchangeSim } from '../../../sim/exchange/index.ts';
import { startSalesforceSim, type SalesforceSim } from '../../../sim/salesforce/index.ts';
import type { ExchangeWorld, MailboxSpec } from '../../../sim/exchange/world.ts';
import type { OrgSpec } from '../../../sim/salesforce/world.ts';

export const SERVICE_ACCOUNT = { username: 'svc-sync@acme.test', password: 'Svc-Pw-1!' };
export const START = '2026-03-02T08:00:00Z';

export interface Harness {
  clock: ScenarioClock;
  ex: ExchangeSim;
  sf: SalesforceSim;
  stateDir: string;
  config: EngineConfig;
  engine(overrides?: Partial<EngineConfig['options']>, deps?: Partial<EngineDeps>): SyncEngine;
  close(): Promise<void>;
}

export interface HarnessWorld {
  mailboxes: MailboxSpec[];
  org: Omit<OrgSpec, 'id' | 'kind'> & Partial<Pick<OrgSpec, 'id' | 'kind'>>;
  exchange?: Omit<ExchangeWorld, 'mailboxes'>;
  /** Let the engine find EWS through Autodiscover instead of a fixed EWS URL. */
  autodiscover?: boolean;
}

/** One rep, one Salesforce contact, one Outlook meeting: the smallest world where both objects sync both ways. */
export function oneRepWorld(): HarnessWorld {
  return {
    mailboxes: [{
      address: 'ann@acme.test', department: 'Sales',
      calendar: [{ subject: 'Call with Acme', start: '2026-03-03T15:00:00Z', end: '2026-03-03T16:00:00Z' }],
    }],
    org: {
      users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }],
      contacts: [{ owner: 'ann', firstName: 'Pat', lastName: 'Lee', email: 'pat@example.test', title: 'CTO' }],
      configs: [{ name: 'Sales', users: ['ann'] }],
    },
  };
}

export async function startHarness(world: HarnessWorld, seed = 7): Promise<Harness> {
  const clock = new ScenarioClock(START);
  const ex = await startExchangeSim({
    clock,
    seed,
    world: {
      tenant: { domain: 'acme.test', version: 'Exchange2019' },
      serviceAccounts: [{ ...SERVICE_ACCOUNT, impersonation: { scopeName: 'All reps' } }],
      ...world.exchange,
      mailboxes: world.mailboxes,
    },
  });
  const orgSpec: OrgSpec = {
    id: 'prod',
    kind: 'production',
    domain: 'acme.test',
    ...world.org,
    lightningSync: {
      serviceAccountUsername: SERVICE_ACCOUNT.username,
      ...(world.autodiscover ? { autodiscoverUrl: ex.urls.autodiscover } : { ewsUrl: ex.urls.ews }),
      ...(world.org.lightningSync ?? {}),
    },
  } as OrgSpec;
  const sf = await startSalesforceSim({ clock, seed, world: { orgs: [orgSpec] } });
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'synclab-engine-'));
  const org = sf.org(orgSpec.id);
  const config: EngineConfig = {
    orgLabel: orgSpec.id,
    salesforce: { loginUrl: org.loginUrl, username: org.admin.username, password: org.admin.password },
    exchange: { method: 'service-account', ...SERVICE_ACCOUNT },
    stateDir,
    options: { ewsTimeoutMs: 10_000 },
  };
  const engines: SyncEngine[] = [];
  return {
    clock, ex, sf, stateDir, config,
    engine(overrides = {}, deps = {}) {
      const engine = createSyncEngine({ ...config, options: { ...config.options, ...overrides } }, { clock, seed, ...deps });
      engines.push(engine);
      return engine;
    },
    async close() {
      for (const e of engines) await e.close().catch(() => undefined);
      await ex.close();
      await sf.close();
    },
  };
}

/** Writes (state-changing requests) a sim recorded since `seq`. */
export function writesSince(sim: { trace: { since(seq: number): Array<{ write: boolean; operation: string; path: string }> } }, seq: number) {
  return sim.trace.since(seq).filter((e) => e.write);
}
