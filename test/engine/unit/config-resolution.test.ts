import { describe, expect, it } from 'vitest';
import {
  configFingerprint, inactiveConfigFindings, isEffectiveConfig, parseConfigRecord, resolveEffectiveConfigs,
  type RawAssignmentRecord, type RawConfigRecord, type RawUserRecord,
} from '../../../src/sync/config/index.ts';
import type { EffectiveConfig } from '../../../src/sync/model.ts';

const users: RawUserRecord[] = [
  { Id: '005A', Username: 'ann@acme.test', ProfileId: '00eSALES', IsActive: true },
  { Id: '005B', Username: 'bob@acme.test', ProfileId: '00eSALES', IsActive: true },
  { Id: '005C', Username: 'cat@acme.test', ProfileId: '00eOTHER', IsActive: false },
];
const cfg = (Id: string, extra: Partial<RawConfigRecord> = {}): RawConfigRecord => ({ Id, Name: `Config ${Id}`, IsActive: true, LastModifiedDate: '2026-11-01T00:00:00Z', ...extra });
const assign = (Id: string, ConfigId: string, AssigneeType: 'User' | 'Profile', AssigneeId: string, CreatedDate: string): RawAssignmentRecord => ({ Id, ConfigId, AssigneeType, AssigneeId, CreatedDate });
const configOf = (value: unknown): EffectiveConfig => {
  if (!isEffectiveConfig(value as EffectiveConfig)) throw new Error(`expected a config, got ${JSON.stringify(value)}`);
  return value as EffectiveConfig;
};

describe('CFG-01 inactive configurations sync nobody', () => {
  it('gives a user in only an inactive config no config, and lists the assignment as an ORG-02 risk', () => {
    const r = resolveEffectiveConfigs({ configs: [cfg('C1', { IsActive: false })], assignments: [assign('a1', 'C1', 'User', '005A', '2026-11-01')], users });
    expect(r.byUser.get('005A')).toMatchObject({ none: 'config-inactive' });
    expect(r.inactiveAssignments).toEqual([expect.objectContaining({ userId: '005A', configId: 'C1', via: 'User' })]);
  });

  it('gives unassigned and inactive users a reason', () => {
    const r = resolveEffectiveConfigs({ configs: [cfg('C1')], assignments: [assign('a1', 'C1', 'Profile', '00eOTHER', '2026-11-01')], users });
    expect(r.byUser.get('005A')).toMatchObject({ none: 'not-assigned' });
    expect(r.byUser.get('005C')).toMatchObject({ none: 'user-inactive' });
  });
});

describe('CFG-02 assignment precedence', () => {
  it('two individual assignments: the last saved wins', () => {
    const r = resolveEffectiveConfigs({
      configs: [cfg('C1'), cfg('C2')],
      assignments: [assign('a2', 'C2', 'User', '005A', '2026-11-03T00:00:00Z'), assign('a1', 'C1', 'User', '005A', '2026-11-02T00:00:00Z')],
      users,
    });
    expect(configOf(r.byUser.get('005A')).configId).toBe('C2');
  });

  it('individual beats profile, even when the profile assignment is newer', () => {
    const r = resolveEffectiveConfigs({
      configs: [cfg('C1'), cfg('C2')],
      assignments: [assign('a1', 'C1', 'User', '005A', '2026-11-01'), assign('a2', 'C2', 'Profile', '00eSALES', '2026-11-05')],
      users,
    });
    expect(configOf(r.byUser.get('005A')).configId).toBe('C1');
    expect(configOf(r.byUser.get('005B')).configId).toBe('C2');
  });

  it('an individual assignment to an inactive config does not block an active profile config', () => {
    const r = resolveEffectiveConfigs({
      configs: [cfg('C1', { IsActive: false }), cfg('C2')],
      assignments: [assign('a1', 'C1', 'User', '005A', '2026-11-05'), assign('a2', 'C2', 'Profile', '00eSALES', '2026-11-01')],
      users,
    });
    expect(configOf(r.byUser.get('005A')).configId).toBe('C2');
    expect(r.inactiveAssignments).toEqual([expect.objectContaining({ userId: '005A', activeConfigName: 'Config C2' })]);
    const [finding] = inactiveConfigFindings('uat', r.inactiveAssignments);
    expect(finding).toMatchObject({ kind: 'inactive-config-risk', rule: 'ORG-02', org: 'uat', rep: 'ann@acme.test' });
    expect(finding.message).toMatch(/inactive configuration "Config C1".*Reactivating/);
  });

  it('does not depend on the order records were read in (G-08)', () => {
    const configs = [cfg('C1'), cfg('C2')];
    const assignments = [assign('a1', 'C1', 'User', '005A', '2026-11-02'), assign('a2', 'C2', 'User', '005A', '2026-11-02')];
    const one = configOf(resolveEffectiveConfigs({ configs, assignments, users }).byUser.get('005A')).configId;
    const two = configOf(resolveEffectiveConfigs({ configs: [...configs].reverse(), assignments: [...assignments].reverse(), users: [...users].reverse() }).byUser.get('005A')).configId;
    expect(one).toBe(two);
  });
});

describe('CFG-03 / CFG-04 / CFG-06 / CFG-07 / CFG-08 / G-09 parsing', () => {
  it('takes the product defaults when fields are empty', () => {
    const parsed = parseConfigRecord({ Id: 'C1' });
    expect(parsed.ok && parsed.config).toMatchObject({
      contacts: { direction: 'both', filter: 'selected-users-records', fieldFilters: [] },
      events: { direction: 'both', scope: 'all', filter: { kind: 'TODAY' }, syncPrivate: false, deleteSynced: false, autoRelate: false, syncSeries: false, privateSensitivities: ['Private'] },
      conflictPolicy: 'latest-change-wins',
    });
  });

  it('reads every setting', () => {
    const parsed = parseConfigRecord({
      Id: 'C1', ContactSyncDirection: 'SalesforceToExchange', EventSyncDirection: 'ExchangeToSalesforce', ContactFilter: 'AllContacts',
      ContactFieldFilters: '[{"field":"MailingState","operator":"equals","value":"CA"}]', EventScope: 'UserSelectedEvents',
      EventFilter: 'LAST_N_DAYS', EventFilterDays: 180, SyncPrivateEvents: true, DeleteSyncedEvents: true, AutoRelateEvents: true,
      SyncEventSeries: true, ConflictPolicy: 'ExchangeWins', ContactFieldMapping: '{"Phone":"MobilePhone","MobilePhone":null}',
      EventFieldMapping: { Description: null }, PrivateSensitivities: 'Private, Personal',
    });
    expect(parsed.ok).toBe(true);
    const c = (parsed as { config: EffectiveConfig }).config;
    expect(c.contacts).toMatchObject({ direction: 'salesforce-to-exchange', filter: 'all', fieldFilters: [{ field: 'MailingState', operator: 'equals', value: 'CA' }] });
    expect(c.contacts.mapping.Phone).toBe('MobilePhone');
    expect(c.events).toMatchObject({ direction: 'exchange-to-salesforce', scope: 'selected', filter: { kind: 'LAST_N_DAYS', days: 180 }, syncPrivate: true, deleteSynced: true, autoRelate: true, syncSeries: true, privateSensitivities: ['Private', 'Personal'] });
    expect(c.events.mapping).not.toHaveProperty('Description');
    expect(c.conflictPolicy).toBe('exchange-wins');
  });

  it.each([
    [{ EventFilter: 'LAST_N_DAYS', EventFilterDays: 181 }, /EventFilterDays is 181.*1 to 180 \(CFG-07\)/],
    [{ EventFilter: 'LAST_N_DAYS' }, /EventFilterDays is undefined/],
    [{ ContactSyncDirection: 'Sideways' }, /ContactSyncDirection is "Sideways"; expected one of DontSync/],
    [{ ContactFieldMapping: '{not json' }, /ContactFieldMapping is not valid JSON/],
    [{ ContactFieldMapping: '{"Email":"EmailAddress3"}' }, /locked/],
    [{ ContactFieldFilters: '[{"field":"Title","operator":"like","value":"x"}]' }, /operator "like"/],
    [{ PrivateSensitivities: 'Normal' }, /PrivateSensitivities lists Normal/],
  ])('rejects %j with a clear message', (extra, message) => {
    const parsed = parseConfigRecord({ Id: 'C1', ...(extra as Partial<RawConfigRecord>) });
    expect(parsed.ok).toBe(false);
    expect((parsed as { problems: string[] }).problems.join(' ')).toMatch(message);
  });

  it('CFG-05: an invalid config syncs nobody and is reported once', () => {
    const r = resolveEffectiveConfigs({
      configs: [cfg('C1', { ContactFieldMapping: '{"Territory__c":"Department"}' })],
      assignments: [assign('a1', 'C1', 'Profile', '00eSALES', '2026-11-01')],
      users,
    });
    expect(r.byUser.get('005A')).toMatchObject({ none: 'config-invalid', configId: 'C1' });
    expect(r.byUser.get('005B')).toMatchObject({ none: 'config-invalid' });
    expect(r.invalidConfigs).toHaveLength(1);
    expect(r.invalidConfigs[0]).toMatchObject({ code: 'CONFIG_INVALID', configId: 'C1', rule: 'CFG-05' });
    expect(r.invalidConfigs[0].message).toMatch(/Config C1.*Territory__c.*custom field/);
    expect(r.invalidConfigs[0].suggestedFix).toMatch(/Edit the Lightning Sync configuration/);
  });
});

describe('configFingerprint (full read after a configuration change)', () => {
  const parse = (raw: Partial<RawConfigRecord>) => (parseConfigRecord({ Id: 'C1', Name: 'A', ...raw }) as { config: EffectiveConfig }).config;
  it('changes when anything that decides what syncs changes, not with name or id or key order', () => {
    const base = configFingerprint(parse({ ContactFilter: 'SelectedOnly' }));
    expect(configFingerprint(parse({ ContactFilter: 'SelectedUsersRecords' }))).not.toBe(base);
    expect(configFingerprint(parse({ ContactFilter: 'SelectedOnly', Id: 'C2', Name: 'Copy' }))).toBe(base);
    expect(configFingerprint(parse({ ContactFilter: 'SelectedOnly', ContactFieldMapping: '{"Phone":null}' }))).not.toBe(base);
    const a = parse({ ContactFieldMapping: '{"Phone":"MobilePhone","MobilePhone":null}' });
    const reordered = { ...a, contacts: { ...a.contacts, mapping: Object.fromEntries(Object.entries(a.contacts.mapping).reverse()) } };
    expect(configFingerprint(reordered)).toBe(configFingerprint(a));
  });
});
