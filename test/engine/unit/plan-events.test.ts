import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_MAPPING, eventValuesFromSf, hashValues } from '../../../src/sync/mapping/index.ts';
import type { Pairing, SfEvent } from '../../../src/sync/model.ts';
import { planRep } from '../../../src/sync/plan/index.ts';
import { emptyState, exEvent, makeConfig, makeInput, NOW, REP, sfEvent, types } from './support/builders.ts';

const ctx = { mapping: { ...DEFAULT_EVENT_MAPPING }, timeZone: REP.timeZone, privateSensitivities: ['Private' as const] };
function pairedState(sf: SfEvent, exId: string, extra: Partial<Pairing> = {}) {
  const values = eventValuesFromSf(sf, ctx);
  const state = emptyState();
  state.pairings.push({ object: 'Event', sfId: sf.Id, exId, exChangeKey: `${exId}-ck0`, /* versions at the last sync: any read item is newer */ sfModstamp: '2026-11-24T09:00:00.000Z', syncedHash: hashValues(values), synced: values, pairedAt: 0, ...extra });
  return state;
}
const meeting = sfEvent('00UM', { Description: 'Agenda' });
const meetingEx = (extra = {}) => exEvent('EXM', { body: 'Agenda', ...extra });

describe('EVT-12 creates both ways', () => {
  it('SF→EX and EX→SF creates carry mapped values and the org stamp', () => {
    const out = planRep(makeInput({ sfEvents: [meeting], exEvents: [exEvent('EX2', { subject: 'Demo', start: '2026-11-26T17:00:00Z', end: '2026-11-26T18:00:00Z', freeBusy: 'OOF' })] }));
    expect(out.actions[0]).toMatchObject({ type: 'create-ex-event', rule: 'EVT-12', sfId: '00UM', event: { subject: 'Pipeline review', body: 'Agenda', freeBusy: 'Busy', sensitivity: 'Normal' }, stamp: { recordId: '00UM' } });
    expect(out.actions[1]).toMatchObject({ type: 'create-sf-event', exId: 'EX2', record: { Subject: 'Demo', ShowAs: 'OutOfOffice', IsPrivate: false, OwnerId: REP.userId, StartDateTime: '2026-11-26T17:00:00.000Z' } });
  });
});

describe('EVT-01 only the default calendar', () => {
  it('skips an event on another calendar', () => {
    const out = planRep(makeInput({ exEvents: [exEvent('EX1', { calendar: 'Team' })] }));
    expect(out.actions).toEqual([]);
    expect(out.summary[0]).toMatchObject({ rule: 'EVT-01', kind: 'skip' });
  });
});

describe('EVT-02 private events', () => {
  it('flag off: a private event never leaves its side (both sides), with a finding', () => {
    const out = planRep(makeInput({ sfEvents: [sfEvent('00UP', { IsPrivate: true })], exEvents: [exEvent('EXP', { subject: 'Doctor', sensitivity: 'Private' })] }));
    expect(out.actions).toEqual([]);
    expect(out.findings.map((f) => [f.kind, f.rule])).toEqual([['private-event-withheld', 'EVT-02'], ['private-event-withheld', 'EVT-02']]);
  });

  it('flag on: it syncs and stays private on the other side', () => {
    const config = makeConfig({ SyncPrivateEvents: true });
    const out = planRep(makeInput({ config, sfEvents: [sfEvent('00UP', { IsPrivate: true })], exEvents: [exEvent('EXP', { subject: 'Doctor', sensitivity: 'Private' })] }));
    expect(out.actions[0]).toMatchObject({ type: 'create-ex-event', event: { sensitivity: 'Private' } });
    expect(out.actions[1]).toMatchObject({ type: 'create-sf-event', record: { IsPrivate: true } });
    expect(out.findings.filter((f) => f.kind === 'private-event-synced')).toHaveLength(2);
  });

  it('Personal / Confidential are not private under the default policy, and are under the all-three policy', () => {
    const personal = exEvent('EXP', { sensitivity: 'Personal' });
    expect(types(planRep(makeInput({ exEvents: [personal] })))).toEqual(['create-sf-event']);
    expect(types(planRep(makeInput({ config: makeConfig({ PrivateSensitivities: 'Private,Personal,Confidential' }), exEvents: [personal] })))).toEqual([]);
  });

  it('made private after it was synced: the pair is frozen, the partner stays, later edits are ignored', () => {
    const out = planRep(makeInput({ state: pairedState(meeting, 'EXM'), exEvents: [meetingEx({ sensitivity: 'Private', subject: 'Secret' })] }));
    expect(out.actions).toEqual([expect.objectContaining({ type: 'freeze', rule: 'EVT-02' })]);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'private-event-withheld' })]);
    const frozen = pairedState(meeting, 'EXM', { frozen: true });
    expect(planRep(makeInput({ state: frozen, exEvents: [meetingEx({ subject: 'Changed' })] })).actions).toEqual([]);
  });
});

describe('EVT-03 EX→SF only overwrites SF edits', () => {
  const config = makeConfig({ EventSyncDirection: 'ExchangeToSalesforce' });
  it('an SF-only edit is ignored now and reported field by field when the calendar version overwrites it', () => {
    const notes = { ...meeting, Description: 'Meeting notes kept in Salesforce' };
    const first = planRep(makeInput({ config, state: pairedState(meeting, 'EXM'), sfEvents: [notes] }));
    expect(first.actions).toEqual([]);
    const drift = first.stateUpdates.pairingPatches![0].patch.drift;
    const second = planRep(makeInput({ config, state: pairedState(meeting, 'EXM', { drift }), exEvents: [meetingEx({ location: 'Room 4' })] }));
    expect(second.actions).toEqual([expect.objectContaining({ type: 'update-sf-event', set: { Description: 'Agenda', Location: 'Room 4' } })]);
    expect(second.findings).toEqual([expect.objectContaining({ kind: 'overwrite', rule: 'EVT-03', field: 'Description', before: 'Meeting notes kept in Salesforce', after: 'Agenda', sfId: '00UM', rep: REP.username })]);
  });

  it('at the initial match, the calendar version replaces the SF event (a reported overwrite)', () => {
    const sf = { ...meeting, Description: 'SF notes' };
    const out = planRep(makeInput({ config, full: true, sfEvents: [sf], exEvents: [meetingEx({ body: null })] }));
    expect(types(out)).toEqual(['pair', 'update-sf-event']);
    expect(out.findings).toEqual([expect.objectContaining({ rule: 'EVT-03', field: 'Description', before: 'SF notes', after: null })]);
  });
});

describe('EVT-04 / CFG-07 event window (rep time zone)', () => {
  // NOW = 2026-11-24T18:00Z = 10:00 in Los Angeles; TODAY starts 2026-11-24T08:00Z.
  const ended = (end: string) => exEvent(`EX${end}`, { start: '2026-11-01T00:00:00Z', end });
  it.each([
    ['TODAY', '2026-11-24T07:59:00Z', false],
    ['TODAY', '2026-11-24T08:00:00Z', true],
    ['LAST_MONTH', '2026-10-01T07:00:00Z', true],
    ['LAST_MONTH', '2026-10-01T06:59:00Z', false],
  ])('%s: an event ending at %s syncs EX→SF: %s', (filter, end, syncs) => {
    const out = planRep(makeInput({ config: makeConfig({ EventFilter: filter }), exEvents: [ended(end)] }));
    expect(types(out)).toEqual(syncs ? ['create-sf-event'] : []);
    if (!syncs) expect(out.findings).toEqual([expect.objectContaining({ kind: 'out-of-window', rule: 'EVT-04', count: 1 })]);
  });

  it('LAST N DAYS counts whole days back from today in the rep zone', () => {
    const config = makeConfig({ EventFilter: 'LAST_N_DAYS', EventFilterDays: 30 });
    expect(types(planRep(makeInput({ config, exEvents: [ended('2026-10-25T08:00:00Z')] })))).toEqual(['create-sf-event']);
    expect(types(planRep(makeInput({ config, exEvents: [ended('2026-10-25T06:00:00Z')] })))).toEqual([]);
  });

  it('past SF events stay out of the initial (full) sync, but an incremental SF change still syncs', () => {
    const past = sfEvent('00UOLD', { StartDateTime: '2026-11-20T17:00:00Z', EndDateTime: '2026-11-20T18:00:00Z' });
    expect(types(planRep(makeInput({ full: true, sfEvents: [past] })))).toEqual([]);
    expect(types(planRep(makeInput({ sfEvents: [past] })))).toEqual(['create-ex-event']);
  });

  it('an all-day event on the last day of the window is inside', () => {
    const allDay = exEvent('EXAD', { isAllDay: true, start: '2026-11-24T08:00:00Z', end: '2026-11-25T08:00:00Z' });
    const out = planRep(makeInput({ exEvents: [allDay] }));
    expect(out.actions[0]).toMatchObject({ type: 'create-sf-event', record: { IsAllDayEvent: true, ActivityDate: '2026-11-24', StartDateTime: '2026-11-24T00:00:00.000Z', EndDateTime: '2026-11-24T00:00:00.000Z' } });
  });
});

describe('EVT-05 deletes', () => {
  it.each([
    [true, 'BothWays', 'exEventDeletes', ['delete-sf-event']],
    [true, 'BothWays', 'sfEventDeletes', ['delete-ex-event']],
    [true, 'SalesforceToExchange', 'exEventDeletes', []],
    [true, 'ExchangeToSalesforce', 'exEventDeletes', ['delete-sf-event']],
    [false, 'BothWays', 'exEventDeletes', []],
  ])('flag %s, %s, %s → %j', (flag, direction, key, expected) => {
    const config = makeConfig({ DeleteSyncedEvents: flag, EventSyncDirection: direction });
    const out = planRep(makeInput({ config, state: pairedState(meeting, 'EXM'), [key]: [key === 'exEventDeletes' ? 'EXM' : '00UM'] }));
    expect(types(out)).toEqual(expected);
    if (expected.length === 0) expect(out.stateUpdates.pairingPatches?.[0].patch).toEqual({ orphaned: 'exchange' });
    if (expected[0]?.startsWith('delete')) {
      expect(out.actions[0].rule).toBe('EVT-05');
      expect(out.summary[0]).toMatchObject({ kind: 'delete', fields: { Subject: { before: 'Pipeline review', after: null } } });
      expect(out.findings).toEqual([expect.objectContaining({ kind: 'deletion', rule: 'EVT-05', before: expect.objectContaining({ Subject: 'Pipeline review' }), after: null })]);
    }
  });

  it('an edit beats a delete: the edited partner is kept and written back (G-03)', () => {
    const config = makeConfig({ DeleteSyncedEvents: true });
    const out = planRep(makeInput({ config, state: pairedState(meeting, 'EXM'), exEventDeletes: ['EXM'], sfEvents: [{ ...meeting, Subject: 'Moved' }] }));
    expect(types(out)).toEqual(['unpair', 'create-ex-event']);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'conflict', rule: 'G-03' })]);
  });
});

describe('EVT-06 series', () => {
  const head = sfEvent('00US', { IsRecurrence2: true, Recurrence2PatternText: 'FREQ=WEEKLY;COUNT=5' });
  const master = exEvent('EXS', { subject: 'Standup', calendarItemType: 'RecurringMaster', recurrence: 'FREQ=DAILY;COUNT=10' });
  it('Classic recurring events never sync, even with the series flag on', () => {
    const out = planRep(makeInput({ config: makeConfig({ SyncEventSeries: true }), sfEvents: [sfEvent('00UC', { IsRecurrence: true })] }));
    expect(out.actions).toEqual([]);
    expect(out.summary[0]).toMatchObject({ rule: 'EVT-06', reason: expect.stringMatching(/Classic/) });
  });

  it('series flag off: neither side\'s series syncs', () => {
    expect(planRep(makeInput({ sfEvents: [head], exEvents: [master] })).actions).toEqual([]);
  });

  it('series flag on: SF series head ↔ EX recurring master, occurrences are not synced one by one', () => {
    const config = makeConfig({ SyncEventSeries: true });
    const occurrence = sfEvent('00UO', { IsRecurrence2: true, Recurrence2PatternText: null });
    const exOcc = exEvent('EXO', { calendarItemType: 'Occurrence' });
    const out = planRep(makeInput({ config, sfEvents: [head, occurrence], exEvents: [master, exOcc] }));
    expect(out.actions).toEqual([
      expect.objectContaining({ type: 'create-ex-event', event: expect.objectContaining({ calendarItemType: 'RecurringMaster', recurrence: 'FREQ=WEEKLY;COUNT=5' }) }),
      expect.objectContaining({ type: 'create-sf-event', record: expect.objectContaining({ IsRecurrence2: true, Recurrence2PatternText: 'RRULE:FREQ=DAILY;COUNT=10' }) }),
    ]);
  });
});

describe('EVT-06 series pattern check', () => {
  it('a recurring master without an RRULE is not sent to Salesforce; an error finding says why', () => {
    const out = planRep(makeInput({ config: makeConfig({ SyncEventSeries: true }), exEvents: [exEvent('EXS', { calendarItemType: 'RecurringMaster', recurrence: 'recurring' })] }));
    expect(out.actions).toEqual([]);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'error', rule: 'EVT-06', message: expect.stringMatching(/not an RRULE/) })]);
  });
});

describe('G-09 event conflicts keep the time consistent', () => {
  it('start, end and all-day merge as one unit: the winner\'s whole time, never one side\'s start with the other\'s end', () => {
    const moved = { ...meeting, StartDateTime: '2026-11-26T17:00:00.000Z', EndDateTime: '2026-11-26T18:00:00.000Z', SystemModstamp: '2026-11-24T12:00:00Z' };
    const extended = meetingEx({ end: '2026-11-25T18:30:00.000Z', location: 'Room 2', lastModified: '2026-11-24T13:00:00Z' });
    const out = planRep(makeInput({ state: pairedState(meeting, 'EXM'), sfEvents: [moved], exEvents: [extended] }));
    // Exchange changed last: its time wins as a whole; the SF-only change (none here besides time) and EX Location merge.
    expect(out.actions).toEqual([expect.objectContaining({ type: 'update-sf-event', set: expect.objectContaining({ StartDateTime: '2026-11-25T17:00:00.000Z', EndDateTime: '2026-11-25T18:30:00.000Z', Location: 'Room 2' }) })]);
    expect(out.findings.find((f) => f.kind === 'conflict')).toMatchObject({ field: 'StartDateTime,EndDateTime' });
  });

  it('a time change on one side and a text change on the other merge without a conflict', () => {
    const moved = { ...meeting, StartDateTime: '2026-11-26T17:00:00.000Z', EndDateTime: '2026-11-26T18:00:00.000Z' };
    const out = planRep(makeInput({ state: pairedState(meeting, 'EXM'), sfEvents: [moved], exEvents: [meetingEx({ location: 'Room 2' })] }));
    expect(out.actions).toEqual([
      expect.objectContaining({ type: 'update-ex-event', set: expect.objectContaining({ start: '2026-11-26T17:00:00.000Z', end: '2026-11-26T18:00:00.000Z' }) }),
      expect.objectContaining({ type: 'update-sf-event', set: { Location: 'Room 2' } }),
    ]);
    expect(out.findings[0].message).toMatch(/merged/);
  });
});

describe('EVT-07 attendees are not invitees', () => {
  it('creates carry no attendee list', () => {
    const out = planRep(makeInput({ exEvents: [exEvent('EX1', { attendees: ['a@x.test'] })] }));
    expect(JSON.stringify(out.actions[0])).not.toContain('a@x.test');
  });
});

describe('EVT-08 event matching', () => {
  it('pairs on subject + start + end; a different end is a different event', () => {
    const out = planRep(makeInput({ full: true, sfEvents: [meeting, sfEvent('00U2', { EndDateTime: '2026-11-25T18:30:00Z' })], exEvents: [meetingEx()] }));
    // SF items are planned in id order (G-08): 00U2 before 00UM.
    expect(out.actions).toEqual([
      expect.objectContaining({ type: 'create-ex-event', sfId: '00U2' }),
      expect.objectContaining({ type: 'pair', rule: 'EVT-08', sfId: '00UM', exId: 'EXM' }),
    ]);
  });
});

describe('EVT-09 auto-relate', () => {
  const config = makeConfig({ AutoRelateEvents: true });
  const ex = exEvent('EX1', { attendees: ['Pat@client.test', 'lee@client.test', REP.email] });
  it('relates attendee contacts on the first EX→SF sync', () => {
    const out = planRep(makeInput({ config, exEvents: [ex], lookups: { contactsByEmail: { 'pat@client.test': ['003P'], 'lee@client.test': ['003L'] }, leadsByEmail: { 'pat@client.test': ['00QP'] } } }));
    expect(out.actions[0]).toMatchObject({ type: 'create-sf-event', relateTo: { whoIds: ['003P', '003L'] } });
  });

  it('falls back to one lead, caps contacts at 50, and never relates private events', () => {
    const leadOnly = planRep(makeInput({ config, exEvents: [ex], lookups: { leadsByEmail: { 'lee@client.test': ['00QL', '00QX'] } } }));
    expect(leadOnly.actions[0]).toMatchObject({ relateTo: { whoIds: ['00QL'] } });
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}@c.test`, [`003${i}`]]));
    const big = planRep(makeInput({ config, exEvents: [exEvent('EX2', { attendees: Object.keys(many) })], lookups: { contactsByEmail: many } }));
    expect((big.actions[0] as { relateTo: { whoIds: string[] } }).relateTo.whoIds).toHaveLength(50);
    const priv = planRep(makeInput({ config: makeConfig({ AutoRelateEvents: true, SyncPrivateEvents: true }), exEvents: [{ ...ex, sensitivity: 'Private' }], lookups: { contactsByEmail: { 'pat@client.test': ['003P'] } } }));
    expect(priv.actions[0]).not.toHaveProperty('relateTo');
  });

  it('flag off: no relation', () => {
    const out = planRep(makeInput({ exEvents: [ex], lookups: { contactsByEmail: { 'pat@client.test': ['003P'] } } }));
    expect(out.actions[0]).not.toHaveProperty('relateTo');
  });
});

describe('EVT-10 organizer who does not sync', () => {
  it('an event organized by a non-syncing user is not synced, even though the rep attends', () => {
    const invite = exEvent('EX1', { organizer: 'outsider@partner.test', attendees: [REP.email], isMeeting: true });
    const out = planRep(makeInput({ exEvents: [invite] }));
    expect(out.actions).toEqual([]);
    expect(out.summary[0]).toMatchObject({ rule: 'EVT-10' });
  });

  it('an event organized by another syncing rep is synced', () => {
    const invite = exEvent('EX1', { organizer: 'Sam@acme.test', attendees: [REP.email] });
    expect(types(planRep(makeInput({ exEvents: [invite], lookups: { syncingEmails: ['sam@acme.test'] } })))).toEqual(['create-sf-event']);
  });
});

describe('EVT-11 all-day events', () => {
  it('an SF all-day event becomes midnight-to-midnight in the rep time zone', () => {
    const allDay = sfEvent('00UA', { IsAllDayEvent: true, ActivityDate: '2026-11-27', StartDateTime: '2026-11-27T00:00:00Z', EndDateTime: '2026-11-27T00:00:00Z' });
    const out = planRep(makeInput({ sfEvents: [allDay] }));
    expect(out.actions[0]).toMatchObject({ type: 'create-ex-event', event: { isAllDay: true, start: '2026-11-27T08:00:00.000Z', end: '2026-11-28T08:00:00.000Z' } });
  });
});

describe('CFG-04 events users select', () => {
  const selected = makeConfig({ EventScope: 'UserSelectedEvents' });
  it('syncs only events logged to Salesforce', () => {
    const out = planRep(makeInput({ config: selected, exEvents: [exEvent('EX1', { loggedToSalesforce: true }), exEvent('EX2', { subject: 'Other' })] }));
    expect(out.actions).toEqual([expect.objectContaining({ type: 'create-sf-event', exId: 'EX1' })]);
  });

  it('an already paired event keeps syncing its Outlook edits even though it was never "logged"', () => {
    const out = planRep(makeInput({ config: selected, state: pairedState(meeting, 'EXM'), exEvents: [meetingEx({ location: 'Room 9' })] }));
    expect(out.actions).toEqual([expect.objectContaining({ type: 'update-sf-event', set: { Location: 'Room 9' } })]);
  });

  it('EVT-04: an Outlook edit to a paired event that ended before the window is not written to Salesforce', () => {
    const past = sfEvent('00UP', { StartDateTime: '2026-11-20T17:00:00Z', EndDateTime: '2026-11-20T18:00:00Z' });
    const out = planRep(makeInput({ state: pairedState(past, 'EXP'), exEvents: [exEvent('EXP', { start: past.StartDateTime, end: past.EndDateTime, subject: 'Renamed' })] }));
    expect(out.actions).toEqual([]);
    expect(out.summary[0]).toMatchObject({ kind: 'skip', rule: 'EVT-04' });
    expect(out.stateUpdates.pairingPatches?.[0].patch.drift?.exchange).toMatchObject({ Subject: 'Renamed' });
  });

  it.each([[false, true], [true, false]])('org integration %s / rep set up %s → no event syncs EX→SF, and the reason says why', (orgEnabled, repSetUp) => {
    const out = planRep(makeInput({ config: selected, outlookIntegration: { orgEnabled, repSetUp }, exEvents: [exEvent('EX1', { loggedToSalesforce: true })] }));
    expect(out.actions).toEqual([]);
    expect(out.summary[0]).toMatchObject({ rule: 'CFG-04', reason: expect.stringMatching(orgEnabled ? /set up by the rep/ : /enabled for the org/) });
  });
});

describe('G-07 isolation', () => {
  it('an SF event owned by another user never reaches this rep\'s calendar', () => {
    const out = planRep(makeInput({ sfEvents: [sfEvent('00UX', { OwnerId: '005OTHER' })] }));
    expect(out.actions).toEqual([]);
    expect(out.summary[0]).toMatchObject({ rule: 'G-07' });
  });
});

describe('EVT window ignores time passing for paired events (G-02)', () => {
  it('plans nothing for unchanged pairs however late it is', () => {
    const out = planRep(makeInput({ now: NOW + 90 * 86_400_000, state: pairedState(meeting, 'EXM'), sfEvents: [meeting], exEvents: [meetingEx()] }));
    expect(out.actions).toEqual([]);
  });
});

describe('ERR-01 an unreadable item does not stop the others', () => {
  it('skips an event with a bad date with an error finding and plans the rest', () => {
    const out = planRep(makeInput({ sfEvents: [sfEvent('00UBAD', { StartDateTime: 'not a date' }), meeting] }));
    expect(out.actions).toEqual([expect.objectContaining({ type: 'create-ex-event', sfId: '00UM' })]);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'error', rule: 'ERR-01', sfId: '00UBAD' })]);
  });
});
