/**
 * Worker threads (options.workers): reps synced in other threads, against sims on wall time (SystemClock) — the mode
 * `synclab sync` uses against real servers. With a ScenarioClock the option is refused, with the reason.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioClock, SystemClock } from '../../../src/time/clock.ts';
import { createSyncEngine } from '../../../src/sync/index.ts';
import type { SyncEngine } from '../../../src/sync/api.ts';
import { startExchangeSim } from '../../../sim/exchange/index.ts';
import { startSalesforceSim } from '../../../sim/salesforce/index.ts';
import { SERVICE_ACCOUNT } from './harness.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('rep worker threads', () => {
  it('two workers sync three reps both ways; STAT-02 activity counts their writes; a quiet cycle writes nothing', async () => {
    const clock = new SystemClock();
    const reps = ['ann', 'bob', 'cid'];
    const ex = await startExchangeSim({ clock, seed: 3, world: {
      tenant: { domain: 'acme.test', version: 'Exchange2019' },
      serviceAccounts: [{ ...SERVICE_ACCOUNT, impersonation: { scopeName: 'All' } }],
      mailboxes: reps.map((r) => ({ address: `${r}@acme.test`, salesforceSyncFolder: true, contacts: [{ givenName: r, surname: 'Ex', email1: `${r}.ex@x.test` }] })),
    } });
    closers.push(() => ex.close());
    const sf = await startSalesforceSim({ clock, seed: 3, world: { orgs: [{
      id: 'prod', kind: 'production', domain: 'acme.test',
      lightningSync: { serviceAccountUsername: SERVICE_ACCOUNT.username, ewsUrl: ex.urls.ews },
      users: reps.map((r) => ({ ref: r, email: `${r}@acme.test`, timeZone: 'UTC' })),
      contacts: reps.map((r) => ({ owner: r, firstName: r, lastName: 'Sf', email: `${r}.sf@x.test` })),
      configs: [{ name: 'Sales', users: reps }],
    }] } });
    closers.push(() => sf.close());
    const org = sf.org('prod');
    const engine: SyncEngine = createSyncEngine({
      orgLabel: 'prod',
      salesforce: { loginUrl: org.loginUrl, username: org.admin.username, password: org.admin.password },
      exchange: { method: 'service-account', ...SERVICE_ACCOUNT },
      stateDir: await mkdtemp(path.join(os.tmpdir(), 'synclab-workers-')),
      options: { workers: 2 },
    }, { clock, seed: 3 });
    closers.push(() => engine.close());

    const first = await engine.runCycle();
    expect(first.errors).toEqual([]);
    expect(first.reps).toBe(3);
    for (const r of reps) {
      expect(ex.actions.itemsIn(`${r}@acme.test`, 'Salesforce_Sync').map((i) => i.props.Surname).sort()).toEqual(['Ex', 'Sf']);
      expect(sf.actions.find('prod', 'Contact', (c) => c.Email === `${r}.ex@x.test`)).toHaveLength(1);
    }
    expect(first.status?.activity.Contact.last60Minutes).toBe(6);
    const exSeq = ex.trace.lastSeq();
    const sfSeq = sf.trace.lastSeq();
    const quiet = await engine.runCycle();
    expect(quiet.errors).toEqual([]);
    expect(ex.trace.since(exSeq).filter((e) => e.write)).toEqual([]);
    expect(sf.trace.since(sfSeq).filter((e) => e.write)).toEqual([]);
  });

  it('refuses workers with a ScenarioClock and says why', () => {
    expect(() => createSyncEngine({
      orgLabel: 'prod', salesforce: { loginUrl: 'http://127.0.0.1:1', username: 'u', password: 'p' },
      exchange: { method: 'service-account', username: 'svc@acme.test', password: 'p' }, stateDir: os.tmpdir(), options: { workers: 2 },
    }, { clock: new ScenarioClock('2026-03-02T08:00:00Z') })).toThrow(/workers needs wall time/);
  });
});
