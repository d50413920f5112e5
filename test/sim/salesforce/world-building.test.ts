import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioClock } from '#time/clock.ts';
import { buildDemoSalesforceWorld, startSalesforceSim, type SalesforceSim } from '../../../sim/salesforce/index.ts';
import { failure, login, loginAdmin, smallWorld, START, startSim } from './helpers.ts';

let sim: SalesforceSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('world building', () => {
  it('the demo world: prod with setup + active config, sandbox uat with suffixed reps; admins log in', async () => {
    const world = buildDemoSalesforceWorld(3, ['ana@contoso.test', 'ben@contoso.test']);
    sim = await startSalesforceSim({ clock: new ScenarioClock(START), seed: 3, world });
    expect(sim.orgs.map((o) => [o.id, o.kind])).toEqual([['prod', 'production'], ['uat', 'sandbox']]);
    const prod = await loginAdmin(sim, 'prod');
    const configs = await prod.query<{ Name: string; IsActive: boolean }>('SELECT Name, IsActive FROM LightningSyncConfig');
    expect(configs.records).toEqual([expect.objectContaining({ Name: 'Sales Reps', IsActive: true })]);
    const assigned = await prod.query('SELECT AssigneeId FROM LightningSyncConfigAssignment');
    expect(assigned.totalSize).toBe(2);
    const users = await prod.query<{ Username: string; Email: string }>("SELECT Username, Email FROM User WHERE Username LIKE 'ana%'");
    expect(users.records[0]).toMatchObject({ Username: 'ana@contoso.test', Email: 'ana@contoso.test' });
    const uat = await loginAdmin(sim, 'uat');
    const uatUsers = await uat.query<{ Username: string; Email: string }>("SELECT Username, Email FROM User WHERE Username LIKE 'ana%'");
    expect(uatUsers.records[0]).toMatchObject({ Username: 'ana@contoso.test.uat', Email: 'ana@contoso.test.invalid' });
    expect(sim.org('uat').admin.password).not.toBe(sim.org('prod').admin.password);
  });

  it('the same seed gives the same ids and generated data', async () => {
    const world = smallWorld();
    world.orgs[0]!.contacts!.push({ generate: 20 });
    const a = await startSim(world, 11);
    const b = await startSim(world, 11);
    try {
      const names = (s: SalesforceSim) => s.actions.find('prod', 'Contact').map((r) => `${String(r.Id)} ${String(r.Name)} ${String(r.Email)}`);
      expect(names(a.sim)).toEqual(names(b.sim));
      expect(a.sim.org('prod').orgId).toBe(b.sim.org('prod').orgId);
    } finally {
      await a.sim.close();
      await b.sim.close();
    }
  });

  it('bad worlds fail with a message naming the problem', async () => {
    const clock = new ScenarioClock(START);
    await expect(startSalesforceSim({ clock, world: { orgs: [] } })).rejects.toThrow(/at least one org/);
    const unknownOwner = smallWorld();
    unknownOwner.orgs[0]!.contacts = [{ lastName: 'X', owner: 'zed' }];
    await expect(startSalesforceSim({ clock, world: unknownOwner })).rejects.toThrow(/names user "zed"/);
    const longFilter = smallWorld();
    longFilter.orgs[0]!.configs = [{ name: 'Long', events: { filter: 'LAST_N_DAYS:365' } }];
    await expect(startSalesforceSim({ clock, world: longFilter })).rejects.toThrow(/FIELD_INTEGRITY_EXCEPTION.*180/);
  });

  it('private events are visible to their owner only (and View All Data)', async () => {
    const world = smallWorld();
    world.orgs[0]!.events = [
      { subject: 'Secret', owner: 'ana', start: '2026-03-03T10:00:00Z', end: '2026-03-03T11:00:00Z', isPrivate: true, who: 'c1' },
      { subject: 'Open', owner: 'ana', start: '2026-03-03T12:00:00Z', end: '2026-03-03T13:00:00Z' },
    ];
    ({ sim } = await startSim(world));
    const bo = await login(sim, 'prod', 'bo@acme.test', 'bo-pw');
    const seen = await bo.query<{ Subject: string }>('SELECT Subject FROM Event');
    expect(seen.records.map((r) => r.Subject)).toEqual(['Open']);
    const ana = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    expect((await ana.query('SELECT Subject FROM Event')).totalSize).toBe(2);
    const relations = await ana.query<{ RelationId: string; IsParent: boolean }>('SELECT RelationId, IsParent FROM EventRelation');
    expect(relations.records).toEqual([expect.objectContaining({ IsParent: true })]); // WhoId keeps a parent relation
    const secretId = sim.actions.find('prod', 'Event', (r) => r.Subject === 'Secret')[0]!.Id as string;
    expect((await failure(bo.sobject('Event').update({ Id: secretId, Subject: 'Mine' }))).errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
  });

  it('an effect the Salesforce sim does not know is a clear error, not a bare 500', async () => {
    ({ sim } = await startSim());
    const conn = await loginAdmin(sim);
    sim.faults.set([{ id: 'ews', match: { operation: 'limits' }, effect: { kind: 'server-busy', backOffMs: 1000 } }]);
    const f = await failure(conn.limits());
    expect(f.errorCode).toBe('UNKNOWN_EXCEPTION');
    expect(f.message).toMatch(/does not understand fault effect 'server-busy'/);
  });
});
