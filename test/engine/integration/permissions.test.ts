/**
 * CONN-10 up front: the engine checks the integration user's permissions (profile + permission sets) before its first
 * setup read and refuses with ONE error naming what is missing, instead of scattered INSUFFICIENT_ACCESS refusals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type HarnessWorld } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Permission = 'ApiEnabled' | 'CustomizeApplication' | 'ManageUsers' | 'ManageLightningSync' | 'ViewAllData';

/** The integration user gets its profile's permissions plus one permission set's (CONN-10 counts both). */
const world = (profile: Permission[], permissionSet: Permission[]): HarnessWorld => ({
  mailboxes: [{ address: 'ann@acme.test', department: 'Sales', salesforceSyncFolder: true }],
  org: {
    profiles: [{ name: 'Integration', permissions: profile }],
    permissionSets: [{ name: 'Sync Extras', permissions: permissionSet }],
    users: [
      { ref: 'admin', admin: true, profile: 'Integration', permissionSets: ['Sync Extras'] },
      { ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' },
    ],
    contacts: [{ owner: 'ann', lastName: 'Lee', email: 'lee@x.test' }],
    configs: [{ name: 'Sales', users: ['ann'] }],
  },
});

describe('CONN-10: integration user permissions checked before anything syncs', () => {
  it('CONN-10: a missing Manage Lightning Sync gives one actionable INSUFFICIENT_ACCESS error, no setup read, no write; granting it lets the next cycle sync', async () => {
    h = await startHarness(world(['ApiEnabled', 'CustomizeApplication', 'ViewAllData'], ['ManageUsers']));
    const engine = h.engine();
    const refused = await engine.runCycle();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatchObject({ code: 'INSUFFICIENT_ACCESS', rule: 'CONN-10' });
    const message = refused.errors[0]!.message;
    expect(message).toContain('lacks Manage Lightning Sync (CONN-10)');
    expect(message).not.toContain('lacks Manage Users'); // granted through the permission set
    expect(message).toMatch(/Grant them through the user's profile or a permission set/);
    expect(h.sf.trace.entries((e) => /LightningSync/.test(e.path) || e.status === 403)).toEqual([]);
    expect(h.sf.trace.entries((e) => e.write)).toEqual([]);
    expect(h.ex.trace.entries()).toEqual([]);

    const test = await engine.connectionTest('ann@acme.test');
    expect(test.verdict).toBe('Connectivity Test Failed');
    expect(test.checks.at(-1)).toMatchObject({ name: 'Salesforce permissions', ok: false });
    expect(test.checks.at(-1)!.fix).toContain('Manage Lightning Sync');

    const grant = h.sf.actions.createRecord('prod', 'admin', 'PermissionSet', { Name: 'Lightning_Sync', Label: 'Lightning Sync', PermissionsManageLightningSync: true });
    h.sf.actions.createRecord('prod', 'admin', 'PermissionSetAssignment', { AssigneeId: h.sf.actions.userId('prod', 'admin'), PermissionSetId: grant });
    h.clock.advance(60_000);
    const synced = await engine.runCycle();
    expect(synced.errors).toEqual([]);
    expect(synced.warnings).toBeUndefined();
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toHaveLength(1);
  });

  it('CONN-10: every missing required permission is named in the one error', async () => {
    h = await startHarness(world(['ApiEnabled'], []));
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => e.code)).toEqual(['INSUFFICIENT_ACCESS']);
    expect(cycle.errors[0]!.message).toContain('lacks Customize Application, Manage Users, Manage Lightning Sync (CONN-10)');
  });

  it('CONN-10: without View All Data the cycle syncs, with a warning that the error report is unreadable; the connection test warns', async () => {
    h = await startHarness(world(['ApiEnabled', 'CustomizeApplication', 'ManageUsers', 'ManageLightningSync'], []));
    const engine = h.engine();
    const cycle = await engine.runCycle();
    expect(cycle.errors).toEqual([]);
    expect(cycle.warnings).toEqual([expect.objectContaining({ code: 'ERROR_REPORT_NOT_READABLE', rule: 'CONN-10' })]);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toHaveLength(1);
    const test = await engine.connectionTest('ann@acme.test');
    expect(test.verdict).toBe('Connectivity Test Successful with Warnings');
    expect(test.checks.find((c) => c.name === 'Salesforce permissions')).toMatchObject({ ok: true, warning: true });
  });
});
