import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { LIGHTNING_SYNC_OBJECTS as LS } from '../../../sim/salesforce/world.ts';
import { failure, login, loginAdmin, startSim } from './helpers.ts';

let sim: SalesforceSim;
beforeEach(async () => ({ sim } = await startSim()));
afterEach(() => sim.close());

describe('Lightning Sync objects and CONN-10 permissions', () => {
  it('the world builds setup, configuration and assignments the engine can query', async () => {
    const conn = await loginAdmin(sim);
    const setup = await conn.query<Record<string, unknown>>(`SELECT ConnectionMethod, ServiceAccountUsername, OutlookIntegrationEnabled FROM ${LS.setup}`);
    expect(setup.records[0]).toMatchObject({ ConnectionMethod: 'ServiceAccount', ServiceAccountUsername: 'svc@acme.test', OutlookIntegrationEnabled: true });
    const configs = await conn.query<Record<string, unknown>>(`SELECT Id, Name, IsActive, EventFilter, ContactSyncDirection FROM ${LS.config}`);
    expect(configs.records[0]).toMatchObject({ Name: 'Reps', IsActive: true, EventFilter: 'TODAY', ContactSyncDirection: 'BothWays' });
    const assignments = await conn.query<Record<string, unknown>>(`SELECT AssigneeType, AssigneeId, ConfigId FROM ${LS.assignment}`);
    expect(assignments.records).toEqual([expect.objectContaining({ AssigneeType: 'User', AssigneeId: sim.actions.userId('prod', 'ana') })]);
  });

  it('editing configurations needs Customize Application + Manage Users + Manage Lightning Sync', async () => {
    const rep = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const denied = await failure(rep.sobject(LS.config).create({ Name: 'Mine' }));
    expect(denied.errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    expect(denied.message).toMatch(/CONN-10/);
    const half = await login(sim, 'prod', 'half@acme.test', 'half-pw'); // the three via a permission set
    const ok = (await half.sobject(LS.config).create({ Name: 'Half' })) as { success: boolean };
    expect(ok.success).toBe(true);
  });

  it('reading setup, configurations and statuses needs the CONN-10 permissions too', async () => {
    const rep = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const f = await failure(rep.query(`SELECT Id FROM ${LS.config}`));
    expect(f.errorCode).toBe('INSUFFICIENT_ACCESS');
    expect(f.message).toMatch(/missing CustomizeApplication, ManageUsers, ManageLightningSync/);
    const configId = sim.actions.find('prod', LS.config)[0]!.Id as string;
    expect((await failure(rep.sobject(LS.config).retrieve(configId))).errorCode).toBe('INSUFFICIENT_ACCESS');
    const half = await login(sim, 'prod', 'half@acme.test', 'half-pw');
    expect((await half.query(`SELECT Id FROM ${LS.setup}`)).totalSize).toBe(1);
  });

  it('the error report needs View All Data (INSUFFICIENT_ACCESS)', async () => {
    const admin = await loginAdmin(sim);
    await admin.sobject(LS.error).create({ UserId: sim.actions.userId('prod', 'ana'), ObjectType: 'Contact', ErrorCode: 'X', Message: 'boom' });
    expect((await admin.query(`SELECT Id FROM ${LS.error}`)).totalSize).toBe(1);
    const half = await login(sim, 'prod', 'half@acme.test', 'half-pw');
    const f = await failure(half.query(`SELECT Id FROM ${LS.error}`));
    expect(f.errorCode).toBe('INSUFFICIENT_ACCESS');
  });

  it('CFG-02: assigning a user to another configuration removes the earlier individual assignment', async () => {
    const admin = await loginAdmin(sim);
    const { id: second } = (await admin.sobject(LS.config).create({ Name: 'Second' })) as { id: string };
    const ana = sim.actions.userId('prod', 'ana');
    await admin.sobject(LS.assignment).create({ ConfigId: second, AssigneeType: 'User', AssigneeId: ana });
    const rows = await admin.query<{ ConfigId: string }>(`SELECT ConfigId FROM ${LS.assignment} WHERE AssigneeId = '${ana}'`);
    expect(rows.records.map((r) => r.ConfigId)).toEqual([second]);
    const mismatch = await failure(admin.sobject(LS.assignment).create({ ConfigId: second, AssigneeType: 'Profile', AssigneeId: ana }));
    expect(mismatch.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it('CFG-07: LAST_N_DAYS over 180 is rejected at save with a clear message', async () => {
    const admin = await loginAdmin(sim);
    const f = await failure(admin.sobject(LS.config).create({ Name: 'Long', EventFilter: 'LAST_N_DAYS', EventFilterDays: 365 }));
    expect(f.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(f.message).toMatch(/at most 180 days; got 365/);
    expect(((await admin.sobject(LS.config).create({ Name: 'Ok', EventFilter: 'LAST_N_DAYS', EventFilterDays: 180 })) as { success: boolean }).success).toBe(true);
    expect((await failure(admin.sobject(LS.config).create({ Name: 'Reps' }))).errorCode).toBe('DUPLICATE_VALUE');
  });
});

describe('CFG-05 field mappings', () => {
  it('matching fields are locked and custom fields cannot be mapped', async () => {
    const admin = await loginAdmin(sim);
    const config = sim.actions.find('prod', LS.config)[0]!.Id as string;
    await admin.sobject(LS.config).update({ Id: config, ContactFieldMapping: JSON.stringify({ Department: null, Email: 'EmailAddress1' }) });
    const email = await failure(admin.sobject(LS.config).update({ Id: config, ContactFieldMapping: JSON.stringify({ Email: 'EmailAddress2' }) }));
    expect(email).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION' });
    expect(email.message).toMatch(/Email is used for matching and is locked to EmailAddress1/);
    const custom = await failure(admin.sobject(LS.config).update({ Id: config, EventFieldMapping: JSON.stringify({ Region__c: 'Location' }) }));
    expect(custom.message).toMatch(/custom field Region__c/);
    expect((await failure(admin.sobject(LS.config).update({ Id: config, EventFieldMapping: JSON.stringify({ StartDateTime: null }) }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect((await failure(admin.sobject(LS.config).update({ Id: config, EventFieldMapping: 'not json' }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
  });
});

describe('rep and admin actions', () => {
  it('create as a user applies permissions and stamps the user', () => {
    const id = sim.actions.createRecord('prod', 'ana', 'Contact', { LastName: 'ByAction' });
    expect(sim.actions.get('prod', id)).toMatchObject({ OwnerId: sim.actions.userId('prod', 'ana'), CreatedById: sim.actions.userId('prod', 'ana') });
    expect(() => sim.actions.createRecord('prod', 'ana', LS.config, { Name: 'x' })).toThrow(/INSUFFICIENT|CONN-10/);
    expect(() => sim.actions.createRecord('prod', 'nobody', 'Contact', { LastName: 'x' })).toThrow(/no user "nobody"/);
  });

  it('config edits, reset marks, outlook flags, sandbox email fix', async () => {
    sim.actions.setConfigActive('prod', 'Reps', false);
    expect(sim.actions.find('prod', LS.config)[0]!.IsActive).toBe(false);
    expect(() => sim.actions.updateConfig('prod', 'Reps', { EventFilter: 'LAST_N_DAYS', EventFilterDays: 200 })).toThrow(/180/);
    sim.actions.markForReset('prod', 'ana');
    expect(sim.actions.find('prod', LS.userStatus)[0]).toMatchObject({ ResetStatus: 'MarkedForReset', UserId: sim.actions.userId('prod', 'ana') });
    sim.actions.setOutlookIntegration('prod', false);
    expect(sim.actions.find('prod', LS.setup)[0]!.OutlookIntegrationEnabled).toBe(false);
    sim.actions.setUserOutlookSetUp('prod', 'ana', true);
    expect(sim.actions.get('prod', sim.actions.userId('prod', 'ana'))!.OutlookIntegrationSetUp).toBe(true);
    expect(sim.actions.get('uat', sim.actions.userId('uat', 'ana'))!.Email).toBe('ana@acme.test.invalid');
    expect(sim.actions.fixSandboxEmail('uat', 'ana')).toBe('ana@acme.test');
    sim.actions.setUserActive('prod', 'bo', false);
    expect((await failure(login(sim, 'prod', 'bo@acme.test', 'bo-pw'))).message).toMatch(/INVALID_LOGIN/);
  });

  it('snapshot / restore / reset', () => {
    const snap = sim.snapshot();
    const id = sim.actions.createRecord('prod', 'ana', 'Contact', { LastName: 'Temp' });
    sim.restore(snap);
    expect(sim.actions.get('prod', id)).toBeUndefined();
    const again = sim.actions.createRecord('prod', 'ana', 'Contact', { LastName: 'Temp' });
    expect(again).toBe(id); // id counters are part of the snapshot: same seed, same ids
    sim.reset();
    expect(sim.actions.find('prod', 'Contact')).toHaveLength(1);
  });

  it('the /_sim control API: action, state, clock, faults, trace', async () => {
    const base = sim.org('prod').loginUrl;
    const post = (path: string, body: unknown, method = 'POST') =>
      fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const created = (await (await post('/_sim/action', { action: 'createRecord', as: 'ana', type: 'Lead', fields: { LastName: 'L', Company: 'C' } })).json()) as { result: { id: string } };
    expect(created.result.id).toMatch(/^00Q/);
    const bad = await post('/_sim/action', { action: 'explode' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Array<{ message: string }>)[0]!.message).toMatch(/known actions/);
    const state = (await (await fetch(`${base}/_sim/state`)).json()) as { orgs: Array<{ id: string; counts: Record<string, number> }> };
    expect(state.orgs.find((o) => o.id === 'prod')!.counts.Lead).toBe(1);
    const clock = (await (await post('/_sim/clock', { advanceMs: 60_000 })).json()) as { now: string };
    expect(clock.now).toBe('2026-03-02T08:01:00.000Z');
    expect((await post('/_sim/faults', [{ id: 'f1', match: { operation: 'limits' }, effect: { kind: 'http-503' } }], 'PUT')).status).toBe(200);
    expect(sim.faults.list().map((r) => r.id)).toEqual(['f1']);
    const trace = (await (await fetch(`${base}/_sim/trace`)).json()) as { entries: unknown[] };
    expect(trace.entries).toHaveLength(0); // control calls are not traced
  });

  it('snapshot / restore over HTTP, and the org app answers in-process without a socket', async () => {
    const org = sim.org('prod');
    const call = (path: string, body?: unknown) =>
      org.fetch(new Request(`${org.loginUrl}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const { snapshotId } = (await (await call('/_sim/snapshot', {})).json()) as { snapshotId: string };
    await call('/_sim/action', { action: 'createRecord', as: 'ana', type: 'Contact', fields: { LastName: 'Temp' } });
    expect(sim.actions.find('prod', 'Contact')).toHaveLength(2);
    expect((await call('/_sim/restore', { snapshotId })).status).toBe(200);
    expect(sim.actions.find('prod', 'Contact')).toHaveLength(1);
    expect((await call('/_sim/restore', { snapshotId: 'nope' })).status).toBe(404);
    const versions = await call('/services/data');
    expect(versions.status).toBe(200);
  });
});
