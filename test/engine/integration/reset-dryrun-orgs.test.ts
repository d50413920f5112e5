import { afterEach, describe, expect, it } from 'vitest';
import { createSyncEngine } from '../../../src/sync/index.ts';
import type { CycleSummary } from '../../../src/sync/api.ts';
import { startHarness, writesSince, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ann = { ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' };

describe('reset, dry run and several orgs', () => {
  it('RST-01: Marked for reset → Reset in progress → cleared; pairings rebuilt by matching, nothing duplicated or changed', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', salesforceSyncFolder: true, contacts: [{ givenName: 'Ex', surname: 'Only', email1: 'exonly@x.test' }] }],
      org: { users: [ann], contacts: [{ owner: 'ann', firstName: 'Sf', lastName: 'Only', email: 'sfonly@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const resetStatuses: unknown[] = [];
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    const contactsBefore = h.sf.actions.find('prod', 'Contact').map((r) => `${r.Id}|${r.LastName}|${r.SystemModstamp}`).sort();
    const itemsBefore = h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').map((i) => `${i.itemId}|${i.changeKey}`).sort();

    h.sf.actions.markForReset('prod', 'ann');
    h.clock.advance(60_000);
    const seq = h.sf.trace.lastSeq();
    const reset = await engine.runCycle();
    expect(reset.errors).toEqual([]);
    for (const e of h.sf.trace.since(seq).filter((x) => x.write)) resetStatuses.push(e.operation);
    const userId = h.sf.actions.userId('prod', 'ann');
    const [status] = h.sf.actions.find('prod', 'LightningSyncUserStatus', (r) => r.UserId === userId);
    expect(status!.ResetStatus ?? null).toBeNull();
    expect(resetStatuses.length).toBeGreaterThanOrEqual(2); // → ResetInProgress, → cleared
    expect(h.sf.actions.find('prod', 'Contact').map((r) => `${r.Id}|${r.LastName}|${r.SystemModstamp}`).sort()).toEqual(contactsBefore);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').map((i) => `${i.itemId}|${i.changeKey}`).sort()).toEqual(itemsBefore);
    expect(reset.actions.filter((a) => a.kind === 'create')).toEqual([]);
    expect(reset.actions.filter((a) => a.kind === 'pair').length).toBe(2);
  });

  it('dry run: the plan is reported, neither server receives a single write', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', salesforceSyncFolder: true, contacts: [{ givenName: 'Ex', surname: 'Dry', email1: 'exdry@x.test' }] }],
      org: { users: [ann], contacts: [{ owner: 'ann', lastName: 'Dry', email: 'dry@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const exSeq = h.ex.trace.lastSeq();
    const sfSeq = h.sf.trace.lastSeq();
    const plan = await h.engine({ dryRun: true }).runCycle();
    expect(plan.errors).toEqual([]);
    expect(plan.actions.map((a) => `${a.kind} ${a.side} ${a.object}`).sort()).toEqual(['create exchange Contact', 'create salesforce Contact']);
    expect(plan.written).toEqual({ salesforce: 0, exchange: 0 });
    expect(writesSince(h.ex, exSeq)).toEqual([]);
    expect(writesSince(h.sf, sfSeq)).toEqual([]);
  });

  it('ORG-01: two orgs syncing one mailbox duplicate items, and each engine reports the collision naming the other org', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', salesforceSyncFolder: true }],
      org: { users: [ann], contacts: [{ owner: 'ann', firstName: 'Marianne', lastName: 'Schumacher', email: 'ms@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    // A second org (a sandbox) in its own Salesforce sim, same Exchange, same rep.
    const { startSalesforceSim } = await import('../../../sim/salesforce/index.ts');
    const uatSim = await startSalesforceSim({ clock: h.clock, seed: 9, world: { orgs: [{
      id: 'uat', kind: 'sandbox', domain: 'acme.test',
      lightningSync: { serviceAccountUsername: 'svc-sync@acme.test', ewsUrl: h.ex.urls.ews },
      users: [{ ...ann, emailFixed: true }],
      contacts: [{ owner: 'ann', firstName: 'Test', lastName: 'Data', email: 'test@x.test' }],
      configs: [{ name: 'Sales', users: ['ann'] }],
    }] } });
    try {
      const uatOrg = uatSim.org('uat');
      const uat = createSyncEngine({ ...h.config, orgLabel: 'uat', salesforce: { loginUrl: uatOrg.loginUrl, username: uatOrg.admin.username, password: uatOrg.admin.password } }, { clock: h.clock, seed: 9 });
      const prod = h.engine();
      const cycles: CycleSummary[] = [];
      for (let i = 0; i < 2; i++) {
        cycles.push(await prod.runCycle(), await uat.runCycle());
        h.clock.advance(60_000);
      }
      await uat.close();
      // The test data reached production's mailbox, and production's contact reached the sandbox (the product's failure).
      const surnames = h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').map((i) => String(i.props.Surname)).sort();
      expect(surnames).toContain('Data');
      expect(surnames).toContain('Schumacher');
      const collisions = cycles.flatMap((c) => c.findings).filter((f) => f.kind === 'multi-org-collision');
      expect(collisions.length).toBeGreaterThan(0);
      expect(collisions.every((f) => f.rep !== undefined && f.otherOrg !== undefined && f.rule === 'ORG-01')).toBe(true);
    } finally {
      await uatSim.close();
    }
  });
});
