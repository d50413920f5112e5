import { describe, expect, it } from 'vitest';
import { contactValuesFromSf, DEFAULT_CONTACT_MAPPING, hashValues } from '../../../src/sync/mapping/index.ts';
import type { Pairing, SfContact } from '../../../src/sync/model.ts';
import { planRep } from '../../../src/sync/plan/index.ts';
import { emptyState, exContact, makeConfig, makeInput, OTHER_ORG_ID, ORG, sfContact, types } from './support/builders.ts';

const mapping = { ...DEFAULT_CONTACT_MAPPING } as Record<string, string>;
function pairedState(sf: SfContact, exId: string, extra: Partial<Pairing> = {}) {
  const values = contactValuesFromSf(sf, mapping);
  const state = emptyState();
  state.pairings.push({ object: 'Contact', sfId: sf.Id, exId, exChangeKey: `${exId}-ck0`, /* versions at the last sync: any read item is newer */ sfModstamp: '2026-11-24T09:00:00.000Z', syncedHash: hashValues(values), synced: values, pairedAt: 0, ...extra });
  return state;
}
const ann = sfContact('003ANN', { FirstName: 'Ann', LastName: 'Lee', Email: 'ann@globex.test', Phone: '555-0100' }, { AccountId: '001G', AccountName: 'Globex' });
const annEx = (fields = {}, extra = {}) => exContact('EXANN', { GivenName: 'Ann', Surname: 'Lee', EmailAddress1: 'ann@globex.test', CompanyName: 'Globex', BusinessPhone: '555-0100', ...fields }, extra);

describe('CON-03 SF→EX creates', () => {
  it('creates the SF contact in Salesforce_Sync, stamped with the org and record id', () => {
    const out = planRep(makeInput({ sfContacts: [ann] }));
    expect(out.actions).toEqual([expect.objectContaining({ type: 'create-ex-contact', rule: 'CON-03', sfId: '003ANN', stamp: { orgId: ORG.orgId, recordId: '003ANN' } })]);
    expect(out.actions[0]).toMatchObject({ fields: { GivenName: 'Ann', Surname: 'Lee', CompanyName: 'Globex', BusinessPhone: '555-0100' } });
    expect(out.summary[0]).toMatchObject({ kind: 'create', side: 'exchange', rule: 'CON-03', rep: 'rita@acme.test' });
  });
});

describe('CFG-06 contact filters (SF→EX only)', () => {
  it.each([
    ['selected-users-records', 'someone else', 'CFG-06'],
    ['selected-only', 'the rep', 'CFG-06'],
  ])('filter %s skips a contact owned by %s', (filter, owner) => {
    const raw = { 'selected-users-records': 'SelectedUsersRecords', 'selected-only': 'SelectedOnly' }[filter]!;
    const c = { ...ann, OwnerId: owner === 'the rep' ? '005REP' : '005OTHER' };
    const out = planRep(makeInput({ config: makeConfig({ ContactFilter: raw }), sfContacts: [c] }));
    expect(out.actions).toEqual([]);
    expect(out.summary).toEqual([expect.objectContaining({ kind: 'skip', rule: 'CFG-06' })]);
  });

  it('All Contacts syncs a contact the rep does not own', () => {
    const out = planRep(makeInput({ config: makeConfig({ ContactFilter: 'AllContacts' }), sfContacts: [{ ...ann, OwnerId: '005OTHER' }] }));
    expect(types(out)).toEqual(['create-ex-contact']);
  });

  it('field filters narrow further, case-insensitively', () => {
    const config = makeConfig({ ContactFieldFilters: '[{"field":"Account.Name","operator":"starts-with","value":"glo"}]' });
    const other = sfContact('003BOB', { LastName: 'Ray' }, { AccountId: '001I', AccountName: 'Initech' });
    const out = planRep(makeInput({ config, sfContacts: [ann, other] }));
    expect(out.actions.map((a) => 'sfId' in a && a.sfId)).toEqual(['003ANN']);
  });

  it('do not apply EX→SF', () => {
    const config = makeConfig({ ContactFilter: 'SelectedOnly' });
    const out = planRep(makeInput({ config, exContacts: [annEx()], lookups: { accountsByName: { globex: '001G' } } }));
    expect(types(out)).toEqual(['create-sf-contact']);
  });
});

describe('CON-02 only Salesforce_Sync syncs EX→SF', () => {
  it('skips a contact in another folder, even one named like a category', () => {
    const out = planRep(makeInput({ exContacts: [annEx({}, { folder: 'Contacts' })] }));
    expect(out.actions).toEqual([]);
    expect(out.summary[0]).toMatchObject({ kind: 'skip', rule: 'CON-02' });
  });

  it('moving a contact out stops sync and deletes nothing', () => {
    const out = planRep(makeInput({ state: pairedState(ann, 'EXANN'), exContactDeletes: [{ id: 'EXANN', reason: 'moved-out' }] }));
    expect(out.actions).toEqual([]);
    expect(out.stateUpdates.pairingPatches).toEqual([{ object: 'Contact', sfId: '003ANN', exId: 'EXANN', patch: { orphaned: 'exchange' } }]);
    expect(out.summary[0]).toMatchObject({ rule: 'CON-02', kind: 'unpair' });
    expect(out.findings).toEqual([]);
  });
});

describe('CON-04 matching before create', () => {
  it('pairs by email (any of the three EX addresses), case-insensitively, instead of creating', () => {
    const ex = exContact('EX1', { GivenName: 'Ann', Surname: 'Lee', EmailAddress2: 'ANN@globex.test', CompanyName: 'Globex', BusinessPhone: '555-0100' });
    const out = planRep(makeInput({ full: true, sfContacts: [ann], exContacts: [ex], lookups: { accountsByName: { globex: '001G' } } }));
    expect(out.actions[0]).toMatchObject({ type: 'pair', rule: 'CON-04', sfId: '003ANN', exId: 'EX1' });
    expect(types(out).filter((t) => t.startsWith('create'))).toEqual([]);
  });

  it('else pairs by first + last name + company', () => {
    const sf = sfContact('003A', { FirstName: 'Bo', LastName: 'Ray', Email: 'bo@a.test' }, { AccountId: '001I', AccountName: 'Initech' });
    const ex = exContact('EX1', { GivenName: 'bo', Surname: 'RAY', CompanyName: 'Initech ', EmailAddress1: 'other@b.test' });
    const out = planRep(makeInput({ full: true, sfContacts: [sf], exContacts: [ex] }));
    expect(out.actions[0]).toMatchObject({ type: 'pair', rule: 'CON-04', sfId: '003A', exId: 'EX1' });
  });

  it('same name at another company is a different person: both are created', () => {
    const sf = sfContact('003A', { FirstName: 'Bo', LastName: 'Ray' }, { AccountId: '001I', AccountName: 'Initech' });
    const ex = exContact('EX1', { GivenName: 'Bo', Surname: 'Ray', CompanyName: 'Globex' });
    const out = planRep(makeInput({ full: true, sfContacts: [sf], exContacts: [ex] }));
    expect(types(out).sort()).toEqual(['create-ex-contact', 'create-sf-contact']);
  });

  it('matches against pre-fetched candidates that are not in the change set', () => {
    const out = planRep(makeInput({ exContacts: [annEx()], lookups: { accountsByName: { globex: '001G' }, candidates: { sfContacts: [ann] } } }));
    expect(types(out)).toEqual(['pair']);
  });

  it('at the match, fills empty fields from the other side and never erases (G-03)', () => {
    const ex = annEx({ BusinessPhone: null, JobTitle: 'CTO' });
    const out = planRep(makeInput({ full: true, sfContacts: [ann], exContacts: [ex], lookups: { accountsByName: { globex: '001G' } } }));
    expect(out.actions).toEqual([
      expect.objectContaining({ type: 'pair' }),
      expect.objectContaining({ type: 'update-ex-contact', set: { BusinessPhone: '555-0100' } }),
      expect.objectContaining({ type: 'update-sf-contact', set: { Title: 'CTO' } }),
    ]);
    expect(out.findings).toEqual([]);
  });
});

describe('G-04 one-to-one', () => {
  it('never pairs two EX items with one SF record, never two creates for one item', () => {
    const twin = annEx({}, { itemId: 'EXTWIN' });
    const out = planRep(makeInput({ full: true, sfContacts: [ann, ann], exContacts: [annEx(), twin], lookups: { accountsByName: { globex: '001G' } } }));
    expect(out.actions.filter((a) => a.type === 'pair')).toHaveLength(1);
    expect(types(out)).toEqual(['pair', 'create-sf-contact']);
    expect(out.actions[1]).toMatchObject({ exId: 'EXTWIN' });
  });

  it('never pairs an item that is already paired', () => {
    const state = pairedState(ann, 'EXANN');
    const newcomer = annEx({}, { itemId: 'EXNEW' });
    const out = planRep(makeInput({ state, exContacts: [newcomer], lookups: { accountsByName: { globex: '001G' }, candidates: { sfContacts: [ann] } } }));
    expect(types(out)).toEqual(['create-sf-contact']);
  });
});

describe('G-02 no change → no action', () => {
  it('a touch on either side with no mapped change plans nothing', () => {
    const state = pairedState(ann, 'EXANN');
    const out = planRep(makeInput({ state, sfContacts: [{ ...ann, SystemModstamp: '2026-11-24T12:00:00Z' }], exContacts: [annEx({}, { changeKey: 'new' })], lookups: { accountsByName: { globex: '001G' } } }));
    expect(out.actions).toEqual([]);
    expect(out.findings).toEqual([]);
  });
});

describe('G-02 fast path', () => {
  it('an EX item read again at the ChangeKey stored in the pairing is not even mapped', () => {
    const state = pairedState(ann, 'EXANN', { exChangeKey: 'EXANN-ck1', sfModstamp: ann.SystemModstamp });
    // Same versions as stored: nothing to do (a ChangeKey names one content; the SF side is compared by hash).
    const out = planRep(makeInput({ state, sfContacts: [ann], exContacts: [annEx({}, { changeKey: 'EXANN-ck1' })] }));
    expect(out).toMatchObject({ actions: [], findings: [], summary: [], stateUpdates: {} });
    // A newer EX version with a real edit is planned as usual.
    expect(types(planRep(makeInput({ state, exContacts: [annEx({ JobTitle: 'CTO' }, { changeKey: 'EXANN-ck2' })], lookups: { accountsByName: { globex: '001G' } } })))).toEqual(['update-sf-contact']);
  });
});

describe('CFG-03 directions for paired contacts', () => {
  const edited = { ...ann, fields: { ...ann.fields, Phone: '555-9999' } };
  it.each([
    ['BothWays', ['update-ex-contact']],
    ['SalesforceToExchange', ['update-ex-contact']],
    ['ExchangeToSalesforce', []],
    ['DontSync', []],
  ])('an SF edit with %s → %j', (direction, expected) => {
    const out = planRep(makeInput({ config: makeConfig({ ContactSyncDirection: direction }), state: pairedState(ann, 'EXANN'), sfContacts: [edited] }));
    expect(types(out)).toEqual(expected);
  });

  it('an ignored one-way edit is remembered as drift and reported when overwritten later (G-03)', () => {
    const config = makeConfig({ ContactSyncDirection: 'SalesforceToExchange' });
    const first = planRep(makeInput({ config, state: pairedState(ann, 'EXANN'), exContacts: [annEx({ BusinessPhone: '555-EX' })] }));
    expect(first.actions).toEqual([]);
    expect(first.stateUpdates.pairingPatches?.[0].patch.drift?.exchange).toMatchObject({ Phone: '555-EX' });
    const state = pairedState(ann, 'EXANN', { drift: first.stateUpdates.pairingPatches![0].patch.drift });
    // The same drifted item read again: no new state write.
    expect(planRep(makeInput({ config, state, exContacts: [annEx({ BusinessPhone: '555-EX' })] })).stateUpdates).toEqual({});
    const second = planRep(makeInput({ config, state, sfContacts: [{ ...ann, fields: { ...ann.fields, Phone: '555-SF' } }] }));
    expect(second.actions).toEqual([expect.objectContaining({ type: 'update-ex-contact', set: { BusinessPhone: '555-SF' } })]);
    expect(second.findings).toEqual([expect.objectContaining({ kind: 'overwrite', rule: 'G-03', field: 'Phone', before: '555-EX', after: '555-SF' })]);
    // After the write both sides agree: the drift is cleared explicitly, whatever order apply stores things in.
    expect(second.stateUpdates.pairingPatches).toEqual([expect.objectContaining({ sfId: '003ANN', patch: { drift: undefined } })]);
  });
});

describe('G-09 conflicts', () => {
  const state = () => pairedState(ann, 'EXANN');
  const sfEdit = (modstamp: string) => ({ ...ann, SystemModstamp: modstamp, fields: { ...ann.fields, Phone: '555-SF' } });
  const exEdit = (modified: string) => annEx({ BusinessPhone: '555-EX' }, { lastModified: modified });

  it.each([
    ['LatestChangeWins', '2026-11-24T11:00:00Z', '2026-11-24T12:00:00Z', '555-EX'],
    ['LatestChangeWins', '2026-11-24T12:00:00Z', '2026-11-24T11:00:00Z', '555-SF'],
    ['SalesforceWins', '2026-11-24T11:00:00Z', '2026-11-24T12:00:00Z', '555-SF'],
    ['ExchangeWins', '2026-11-24T12:00:00Z', '2026-11-24T11:00:00Z', '555-EX'],
  ])('%s (SF at %s, EX at %s) → %s, listed as a conflict', (policy, sfAt, exAt, winner) => {
    const out = planRep(makeInput({ config: makeConfig({ ConflictPolicy: policy }), state: state(), sfContacts: [sfEdit(sfAt)], exContacts: [exEdit(exAt)], lookups: { accountsByName: { globex: '001G' } } }));
    const update = out.actions.find((a) => a.type === (winner === '555-EX' ? 'update-sf-contact' : 'update-ex-contact'));
    expect(update).toBeDefined();
    expect(out.actions).toHaveLength(1);
    expect(out.findings.find((f) => f.kind === 'conflict')).toMatchObject({ rule: 'G-09', field: 'Phone', sfId: '003ANN', exId: 'EXANN' });
    expect(out.findings.find((f) => f.kind === 'overwrite')).toMatchObject({ rule: 'G-09', field: 'Phone', after: winner });
  });

  it('merges edits to different fields without losing either', () => {
    const sf = { ...ann, fields: { ...ann.fields, Title: 'CEO' } };
    const ex = annEx({ BusinessPhone: '555-EX' });
    const out = planRep(makeInput({ state: state(), sfContacts: [sf], exContacts: [ex], lookups: { accountsByName: { globex: '001G' } } }));
    expect(out.actions).toEqual([
      expect.objectContaining({ type: 'update-ex-contact', set: { JobTitle: 'CEO' } }),
      expect.objectContaining({ type: 'update-sf-contact', set: { Phone: '555-EX' } }),
    ]);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'conflict', rule: 'G-09' })]);
    expect(out.findings[0].message).toMatch(/merged/);
  });
});

describe('CON-05 unresolved accounts', () => {
  it('creates without an account and records an unresolved item', () => {
    const out = planRep(makeInput({ exContacts: [annEx({ CompanyName: 'Nowhere & Sons' })] }));
    expect(out.actions[0]).toMatchObject({ type: 'create-sf-contact', record: { LastName: 'Lee' } });
    expect((out.actions[0] as { record: Record<string, unknown> }).record).not.toHaveProperty('AccountId');
    expect(out.stateUpdates.unresolved).toEqual([expect.objectContaining({ exId: 'EXANN', companyName: 'Nowhere & Sons', cycles: 0 })]);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'unresolved-account', rule: 'CON-05' })]);
  });

  const unresolvedState = () => {
    const sf = { ...ann, AccountId: null, AccountName: null };
    const state = pairedState({ ...sf, AccountName: 'Nowhere' }, 'EXANN');
    state.unresolved = [{ exId: 'EXANN', companyName: 'Nowhere', since: 0, cycles: 0 }];
    return { sf, state };
  };

  it('both ways and still unresolved at the next cycle → the company is removed from the EX contact', () => {
    const { sf, state } = unresolvedState();
    const out = planRep(makeInput({ state, sfContacts: [sf] }));
    expect(out.actions).toEqual([expect.objectContaining({ type: 'update-ex-contact', rule: 'CON-05', set: { CompanyName: null } })]);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'company-removed', before: 'Nowhere', after: null })]);
    expect(out.stateUpdates.unresolved).toEqual([]);
  });

  it('EX→SF only: the company stays and the item stays unresolved', () => {
    const { state } = unresolvedState();
    const out = planRep(makeInput({ config: makeConfig({ ContactSyncDirection: 'ExchangeToSalesforce' }), state }));
    expect(out.actions).toEqual([]);
    expect(out.stateUpdates.unresolved).toEqual([expect.objectContaining({ exId: 'EXANN', cycles: 1 })]);
  });

  it('an account created since links the contact', () => {
    const { state } = unresolvedState();
    const out = planRep(makeInput({ state, lookups: { accountsByName: { nowhere: '001N' } } }));
    expect(out.actions).toEqual([expect.objectContaining({ type: 'update-sf-contact', rule: 'CON-05', set: { AccountId: '001N' } })]);
    expect(out.stateUpdates.unresolved).toEqual([]);
  });
});

describe('CON-06 contact deletes never propagate', () => {
  it.each([['SF', 'sfContactDeletes', '003ANN', 'salesforce'], ['EX', 'exContactDeletes', 'EXANN', 'exchange']])('a %s delete deletes nothing, reports no deletion, and orphans the pair', (_side, key, id, side) => {
    const out = planRep(makeInput({ state: pairedState(ann, 'EXANN'), [key]: [id] }));
    expect(out.actions).toEqual([]);
    expect(out.stateUpdates.pairingPatches?.[0].patch).toEqual({ orphaned: side });
    expect(out.findings).toEqual([]);
    expect(out.summary[0]).toMatchObject({ rule: 'CON-06', reason: expect.stringMatching(/not propagated/) });
  });

  it('an orphaned pair: the survivor read again unchanged is NOT re-created; changed, it is', () => {
    const state = pairedState(ann, 'EXANN', { orphaned: 'exchange' });
    expect(planRep(makeInput({ state, sfContacts: [ann] })).actions).toEqual([]);
    const changed = planRep(makeInput({ state, sfContacts: [{ ...ann, fields: { ...ann.fields, Title: 'COO' } }] }));
    expect(types(changed)).toEqual(['unpair', 'create-ex-contact']);
    expect(changed.actions[1]).toMatchObject({ sfId: '003ANN', fields: expect.objectContaining({ JobTitle: 'COO' }) });
  });

  it('an orphaned pair is not re-created against the direction, and is dropped when the survivor goes too', () => {
    const state = pairedState(ann, 'EXANN', { orphaned: 'exchange' });
    const oneWay = planRep(makeInput({ config: makeConfig({ ContactSyncDirection: 'ExchangeToSalesforce' }), state, sfContacts: [{ ...ann, fields: { ...ann.fields, Title: 'COO' } }] }));
    expect(oneWay.actions).toEqual([]);
    expect(types(planRep(makeInput({ state, sfContactDeletes: ['003ANN'] })))).toEqual(['unpair']);
  });

  it('both ways: a survivor edited in the same cycle is re-created on the deleted side', () => {
    const out = planRep(makeInput({ state: pairedState(ann, 'EXANN'), exContactDeletes: ['EXANN'], sfContacts: [{ ...ann, fields: { ...ann.fields, Title: 'CFO' } }] }));
    expect(types(out)).toEqual(['unpair', 'create-ex-contact']);
  });
});

describe('CON-07 at most 50,000 contacts per rep', () => {
  it('creates up to the cap and reports the rest as waiting', () => {
    const state = emptyState();
    for (let i = 0; i < 49_999; i += 1) state.pairings.push({ object: 'Contact', sfId: `S${i}`, exId: `E${i}`, exChangeKey: '', sfModstamp: '', syncedHash: '', synced: {}, pairedAt: 0 });
    const sf = [1, 2, 3].map((n) => sfContact(`003N${n}`, { LastName: `N${n}` }));
    const out = planRep(makeInput({ state, sfContacts: sf }));
    expect(types(out)).toEqual(['create-ex-contact']);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'contact-cap', rule: 'CON-07' })]);
    expect(out.summary.filter((s) => s.rule === 'CON-07')).toHaveLength(2);
  });
});

describe('ORG-01 / G-05 org stamps', () => {
  it('an item stamped by another org still syncs, with a multi-org-collision finding naming both orgs', () => {
    const out = planRep(makeInput({ exContacts: [annEx({}, { stampedOrgId: OTHER_ORG_ID, stampedRecordId: '003OTHER' })], lookups: { accountsByName: { globex: '001G' } } }));
    expect(types(out)).toEqual(['create-sf-contact']);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'multi-org-collision', rule: 'ORG-01', otherOrg: OTHER_ORG_ID, exId: 'EXANN' })]);
    expect(out.findings[0].message).toContain(ORG.orgId);
  });

  it('an item stamped by this org for a record is re-paired with it (a create whose pairing was lost)', () => {
    const renamed = annEx({ EmailAddress1: 'changed@x.test', GivenName: 'Annie' }, { stampedOrgId: ORG.orgId, stampedRecordId: '003ANN' });
    const out = planRep(makeInput({ full: true, sfContacts: [ann], exContacts: [renamed], lookups: { accountsByName: { globex: '001G' } } }));
    expect(out.actions[0]).toMatchObject({ type: 'pair', rule: 'G-05', sfId: '003ANN', exId: 'EXANN' });
    expect(types(out).filter((t) => t.startsWith('create'))).toEqual([]);
  });
});

describe('G-04 lost pairings are not created twice', () => {
  const stamped = (id: string) => annEx({}, { itemId: id, stampedOrgId: ORG.orgId, stampedRecordId: '003ANN' });
  it('an item stamped for a record this incremental read did not include is skipped with an error finding', () => {
    const out = planRep(makeInput({ exContacts: [stamped('EXLOST')], lookups: { accountsByName: { globex: '001G' } } }));
    expect(out.actions).toEqual([]);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'error', rule: 'G-04', exId: 'EXLOST', message: expect.stringMatching(/would duplicate 003ANN/) })]);
  });

  it('a copy of a paired item (the stamp came along) is a new contact and is created', () => {
    const out = planRep(makeInput({ state: pairedState(ann, 'EXANN'), exContacts: [stamped('EXCOPY')], lookups: { accountsByName: { globex: '001G' } } }));
    expect(types(out)).toEqual(['create-sf-contact']);
  });

  it('with a full SF read the record is either there (re-paired, G-05) or gone (created)', () => {
    expect(types(planRep(makeInput({ full: true, sfContacts: [ann], exContacts: [stamped('EXLOST')], lookups: { accountsByName: { globex: '001G' } } })))).toEqual(['pair']);
    expect(types(planRep(makeInput({ full: true, exContacts: [stamped('EXLOST')], lookups: { accountsByName: { globex: '001G' } } })))).toEqual(['create-sf-contact']);
  });
});

describe('RST-01 reset re-pairs instead of duplicating', () => {
  it('after state is cleared, a full resync pairs every existing item by matching', () => {
    const state = emptyState();
    state.resetStatus = 'ResetInProgress';
    const bob = sfContact('003BOB', { FirstName: 'Bob', LastName: 'Ray' }, { AccountId: '001I', AccountName: 'Initech' });
    const bobEx = exContact('EXBOB', { GivenName: 'Bob', Surname: 'Ray', CompanyName: 'Initech' });
    const out = planRep(makeInput({ state, full: true, sfContacts: [ann, bob], exContacts: [bobEx, annEx()], lookups: { accountsByName: { globex: '001G', initech: '001I' } } }));
    expect(types(out)).toEqual(['pair', 'pair']);
    expect(out.summary.every((s) => /Reset Sync \(RST-01\)/.test(s.reason ?? ''))).toBe(true);
  });
});
