import { describe, expect, it } from 'vitest';
import {
  contactValuesFromEx, contactValuesFromSf, contactValuesToEx, contactValuesToSf, DEFAULT_CONTACT_MAPPING,
  DEFAULT_EVENT_MAPPING, eventValuesFromEx, eventValuesFromSf, eventValuesToEx, eventValuesToSf, freeBusyToShowAs,
  hashValues, localDate, resolveContactMapping, resolveEventMapping, showAsToFreeBusy, startOfLocalDay,
  type EventMappingContext,
} from '../../../src/sync/mapping/index.ts';
import type { ExContact, ExEvent, SfContact, SfEvent } from '../../../src/sync/model.ts';
import { exContact, exEvent, sfContact, sfEvent } from './support/builders.ts';

const contactMap = { ...DEFAULT_CONTACT_MAPPING } as Record<string, string>;
const eventCtx = (timeZone = 'America/Los_Angeles'): EventMappingContext => ({ mapping: { ...DEFAULT_EVENT_MAPPING }, timeZone, privateSensitivities: ['Private'] });

describe('CON-08 contact mapping', () => {
  it('maps every default pair from SF to EX and back to the same values', () => {
    const sf = sfContact('003A', {
      FirstName: 'Zoë', LastName: "O'Brien & <Sons>", Email: 'zoe@acme.test', Title: 'VP "Sales"', Department: 'R&D',
      Phone: '+1 (415) 555-0100', MobilePhone: '555 0101', HomePhone: '555-0102', Fax: '555-0103', AssistantName: 'Al',
      AssistantPhone: '555-0104', Birthdate: '1980-02-29', Description: 'Line 1\nLine 2 <b>not html</b> & more',
      MailingStreet: '1 Main St\nSuite 5', MailingCity: 'Oakland', MailingState: 'CA', MailingPostalCode: '94607', MailingCountry: 'USA',
    }, { AccountId: '001A', AccountName: 'Acme & Co' });
    const values = contactValuesFromSf(sf, contactMap);
    const exFields = contactValuesToEx(values, contactMap);
    expect(exFields).toMatchObject({ GivenName: 'Zoë', Surname: "O'Brien & <Sons>", CompanyName: 'Acme & Co', BusinessPhone: '+1 (415) 555-0100', Birthday: '1980-02-29', Body: 'Line 1\nLine 2 <b>not html</b> & more', BusinessStreet: '1 Main St\nSuite 5', BusinessCountryOrRegion: 'USA' });
    const back = contactValuesFromEx(exContact('X', exFields), contactMap);
    expect(back).toEqual(values);
    expect(hashValues(back)).toBe(hashValues(values));
  });

  it('normalizes what differs only in form: CRLF bodies, EX birthday date-times, blank strings', () => {
    const ex = exContact('X', { Surname: 'Lee', Body: 'a\r\nb\r\n  ', Birthday: '1975-06-01T00:00:00Z', JobTitle: '   ' });
    const sf = sfContact('003A', { LastName: 'Lee', Description: 'a\nb', Birthdate: '1975-06-01', Title: null });
    expect(contactValuesFromEx(ex, contactMap)).toEqual(contactValuesFromSf(sf, contactMap));
  });

  it('turns Account.Name into AccountId through the lookup, null when no account has the name (CON-05)', () => {
    const values = { LastName: 'Lee', 'Account.Name': 'Globex' };
    expect(contactValuesToSf(values, contactMap, (n) => (n === 'Globex' ? '001G' : undefined), ['Account.Name'])).toEqual({ AccountId: '001G' });
    expect(contactValuesToSf(values, contactMap, () => undefined, ['Account.Name'])).toEqual({ AccountId: null });
  });
});

describe('CFG-05 mapping overrides', () => {
  it('lets a non-matching field be remapped or unmapped', () => {
    const r = resolveContactMapping({ Phone: 'MobilePhone', MobilePhone: null, Description: null });
    expect(r.problems).toEqual([]);
    expect(r.mapping.Phone).toBe('MobilePhone');
    expect(r.mapping).not.toHaveProperty('MobilePhone');
    expect(r.mapping).not.toHaveProperty('Description');
  });

  it.each([
    [{ Email: 'EmailAddress2' }, /Email.*locked/],
    [{ 'Account.Name': null }, /Account\.Name.*locked/],
    [{ Region__c: 'Department' }, /custom field/],
    [{ Title: 'Nickname' }, /not an Exchange contact property/],
    [{ Shoe: 'JobTitle' }, /not a contact field/],
    [{ Title: 'Department' }, /Title and Department are all mapped to "Department"/],
  ])('rejects %j with a message that says what to do', (overrides, message) => {
    const r = resolveContactMapping(overrides as Record<string, string | null>);
    expect(r.problems.join(' ')).toMatch(message);
  });

  it('locks the event matching fields and refuses custom event fields', () => {
    expect(resolveEventMapping({ Subject: 'Body' }).problems.join(' ')).toMatch(/Subject.*locked/);
    expect(resolveEventMapping({ StartDateTime: null }).problems.join(' ')).toMatch(/StartDateTime.*locked/);
    expect(resolveEventMapping({ Agenda__c: 'Body' }).problems.join(' ')).toMatch(/custom field/);
    expect(resolveEventMapping({ Description: null }).problems).toEqual([]);
    expect(resolveEventMapping({ IsPrivate: null }).problems.join(' ')).toMatch(/IsPrivate.*cannot be unmapped.*EVT-02/);
  });
});

describe('EVT-12 / EVT-11 event mapping', () => {
  it('keeps the instants of a timed event whatever offset the source wrote', () => {
    const ex = exEvent('X', { start: '2026-11-25T09:00:00-08:00', end: '2026-11-25T10:00:00-08:00' });
    const v = eventValuesFromEx(ex, eventCtx());
    expect(v.StartDateTime).toBe('2026-11-25T17:00:00.000Z');
    expect(eventValuesToSf(v, eventCtx())).toMatchObject({ StartDateTime: '2026-11-25T17:00:00.000Z', EndDateTime: '2026-11-25T18:00:00.000Z', IsAllDayEvent: false });
  });

  it.each(['America/Los_Angeles', 'Asia/Tokyo', 'Europe/London', 'Pacific/Auckland'])('maps an all-day event as midnight-to-midnight in %s and back', (tz) => {
    const sf = sfEvent('00U1', { IsAllDayEvent: true, ActivityDate: '2026-03-29', StartDateTime: '2026-03-29T00:00:00.000Z', EndDateTime: '2026-03-30T00:00:00.000Z' });
    const v = eventValuesFromSf(sf, eventCtx(tz));
    expect(v).toMatchObject({ StartDateTime: '2026-03-29', EndDateTime: '2026-03-31', IsAllDayEvent: true });
    const ex = eventValuesToEx(v, eventCtx(tz));
    expect(localDate(ex.start!, tz)).toBe('2026-03-29');
    expect(ex.start).toBe(new Date(startOfLocalDay('2026-03-29', tz)).toISOString());
    expect(ex.end).toBe(new Date(startOfLocalDay('2026-03-31', tz)).toISOString());
    const back = eventValuesFromEx(exEvent('X', { ...ex, isAllDay: true } as Partial<ExEvent>), eventCtx(tz));
    expect(back).toEqual(v);
    expect(eventValuesToSf(back, eventCtx(tz))).toMatchObject({ ActivityDate: '2026-03-29', StartDateTime: '2026-03-29T00:00:00.000Z', EndDateTime: '2026-03-30T00:00:00.000Z' });
  });

  it('an SF all-day span comes from DurationInMinutes when read, else from EndDateTime as the last day', () => {
    const base = { IsAllDayEvent: true, ActivityDate: '2026-03-05', StartDateTime: '2026-03-05T00:00:00Z' };
    expect(eventValuesFromSf(sfEvent('S', { ...base, EndDateTime: '2026-03-06T00:00:00Z', DurationInMinutes: 1440 }), eventCtx())).toMatchObject({ StartDateTime: '2026-03-05', EndDateTime: '2026-03-06' });
    expect(eventValuesFromSf(sfEvent('S', { ...base, EndDateTime: '2026-03-06T00:00:00Z' }), eventCtx())).toMatchObject({ EndDateTime: '2026-03-07' });
    expect(eventValuesFromSf(sfEvent('S', { ...base, EndDateTime: '2026-03-05T00:00:00Z', DurationInMinutes: 2880 }), eventCtx())).toMatchObject({ EndDateTime: '2026-03-07' });
  });

  it('starts a local day right after a DST change at the right instant', () => {
    // 2026-03-08: US clocks spring forward at 02:00; the day still starts at 00:00 PST = 08:00Z.
    expect(new Date(startOfLocalDay('2026-03-08', 'America/Los_Angeles')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-03-09', 'America/Los_Angeles')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });

  it.each([
    ['Busy', 'Busy'], ['Tentative', 'Busy'], ['Free', 'Free'], ['OOF', 'OutOfOffice'], ['WorkingElsewhere', 'Free'], ['NoData', 'Busy'], [null, 'Busy'],
  ])('ShowAs: EX %s → SF %s', (ex, sf) => {
    expect(freeBusyToShowAs(ex)).toBe(sf);
  });

  it('ShowAs: SF → EX', () => {
    expect(['Busy', 'Free', 'OutOfOffice', null].map(showAsToFreeBusy)).toEqual(['Busy', 'Free', 'OOF', 'Busy']);
  });

  it('a Tentative EX event and a Busy SF event hash the same (no change ping-pong)', () => {
    expect(hashValues(eventValuesFromEx(exEvent('X', { freeBusy: 'Tentative' }), eventCtx()))).toBe(hashValues(eventValuesFromSf(sfEvent('S'), eventCtx())));
  });

  it('EVT-02: IsPrivate ↔ Sensitivity under the Private-only and the all-three policies', () => {
    const personal = exEvent('X', { sensitivity: 'Personal' });
    expect(eventValuesFromEx(personal, eventCtx()).IsPrivate).toBe(false);
    expect(eventValuesFromEx(personal, { ...eventCtx(), privateSensitivities: ['Private', 'Personal', 'Confidential'] }).IsPrivate).toBe(true);
    expect(eventValuesToEx({ IsPrivate: true }, eventCtx(), ['IsPrivate'])).toEqual({ sensitivity: 'Private' });
  });

  it('keeps text with &, <, > and quotes raw (escaping is the wire\'s job)', () => {
    const text = `Q&A <draft> "final" 'ok'`;
    const v = eventValuesFromSf(sfEvent('S', { Subject: text, Description: text, Location: text }), eventCtx());
    expect(eventValuesToEx(v, eventCtx())).toMatchObject({ subject: text, body: text, location: text });
  });

  it('EVT-06: a series head carries its pattern to the other side in one normalized form', () => {
    const sf: SfEvent = sfEvent('S', { IsRecurrence2: true, Recurrence2PatternText: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5' });
    const v = eventValuesFromSf(sf, eventCtx());
    expect(eventValuesToEx(v, eventCtx())).toMatchObject({ calendarItemType: 'RecurringMaster', recurrence: 'FREQ=WEEKLY;COUNT=5;INTERVAL=1' });
    expect(eventValuesToSf(v, eventCtx())).toMatchObject({ IsRecurrence2: true, Recurrence2PatternText: 'RRULE:FREQ=WEEKLY;COUNT=5;INTERVAL=1' });
    const ex = exEvent('X', { calendarItemType: 'RecurringMaster', recurrence: 'interval=1;count=5;freq=weekly' });
    expect(hashValues(eventValuesFromEx(ex, eventCtx()))).toBe(hashValues(v));
  });
});

describe('G-02 hash', () => {
  it('does not depend on key order and changes with any mapped value', () => {
    expect(hashValues({ a: 1, b: 'x' })).toBe(hashValues({ b: 'x', a: 1 }));
    expect(hashValues({ a: 1, b: 'x' })).not.toBe(hashValues({ a: 1, b: 'y' }));
    expect(hashValues({ a: null })).not.toBe(hashValues({ a: 'null' }));
  });

  it('an SF contact touch that changes no mapped field keeps the hash', () => {
    const a: SfContact = sfContact('003A', { LastName: 'Lee' });
    const b: SfContact = { ...a, SystemModstamp: '2026-11-24T11:00:00.000Z', LastModifiedById: '005X' };
    expect(hashValues(contactValuesFromSf(b, contactMap))).toBe(hashValues(contactValuesFromSf(a, contactMap)));
    const c: ExContact = exContact('X', { Surname: 'Lee' });
    expect(hashValues(contactValuesFromEx({ ...c, changeKey: 'new' }, contactMap))).toBe(hashValues(contactValuesFromEx(c, contactMap)));
  });
});
