/**
 * An in-memory SoqlDataSource shaped like a small org: Users, Accounts, Contacts, Leads and Events with realistic
 * 18-character ids (correct case-safe suffix), polymorphic Who/What/Owner, a multi-picklist, a non-filterable long
 * text area and one Event in the recycle bin. `id(ref)` maps fixture refs (c1, a2, …) to ids and `ref(id)` back.
 */
import type { ObjectSchema, SoqlDataSource } from '../../../sim/salesforce/soql/index.ts';

type Row = Record<string, unknown>;

/** Scenario time used by most tests: Wednesday 2026-03-04 10:00 in Los Angeles (PST, before the 03-08 DST switch). */
export const NOW = Date.parse('2026-03-04T18:00:00.000Z');

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Salesforce's 15 → 18 character id: one suffix char per 5-char chunk, bit i set when char i is upper case. */
export function to18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15[chunk * 5 + i];
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_CHARS[bits];
  }
  return id15 + suffix;
}

const refs = new Map<string, string>();
const byIdRef = new Map<string, string>();
function makeId(prefix: string, ref: string, n: number): string {
  const id = to18(`${prefix}Dn0000${String(n).padStart(6, '0')}`.slice(0, 15));
  refs.set(ref, id);
  byIdRef.set(id, ref);
  return id;
}
export function id(ref: string): string {
  const v = refs.get(ref);
  if (!v) throw new Error(`fixture: no record ${ref}`);
  return v;
}
export function ref(idValue: unknown): string {
  return byIdRef.get(String(idValue)) ?? `?${String(idValue)}`;
}

const text = (name: string, extra: Partial<ObjectSchema['fields'][number]> = {}) => ({ name, type: 'string' as const, ...extra });
const common = (prefix: string): ObjectSchema['fields'] => [
  { name: 'Id', type: 'id' },
  { name: 'IsDeleted', type: 'boolean' },
  { name: 'CreatedDate', type: 'datetime' },
  { name: 'SystemModstamp', type: 'datetime' },
  ...(prefix === '005' ? [] : [{ name: 'OwnerId', type: 'reference' as const, referenceTo: prefix === '00U' ? ['User', 'Calendar'] : ['User'], relationshipName: 'Owner' }]),
];

export const SCHEMAS: ObjectSchema[] = [
  { name: 'User', keyPrefix: '005', fields: [...common('005'), text('Username'), { name: 'Email', type: 'email' }, text('FirstName'), text('LastName'), text('Name'), text('Alias'), { name: 'IsActive', type: 'boolean' }, { name: 'TimeZoneSidKey', type: 'picklist' }] },
  { name: 'Account', keyPrefix: '001', fields: [...common('001'), text('Name'), { name: 'Type', type: 'picklist' }, { name: 'Industry', type: 'picklist' }, { name: 'NumberOfEmployees', type: 'int' }, { name: 'AnnualRevenue', type: 'currency' }, { name: 'Website', type: 'url' }] },
  { name: 'Contact', keyPrefix: '003', fields: [
    ...common('003'), text('FirstName'), text('LastName'), text('Name'), { name: 'Email', type: 'email' }, { name: 'Phone', type: 'phone' },
    text('Title'), { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' },
    { name: 'Birthdate', type: 'date' }, { name: 'DoNotCall', type: 'boolean' }, { name: 'Interests__c', type: 'multipicklist' },
    { name: 'Description', type: 'textarea', filterable: false, sortable: false }, { name: 'Score__c', type: 'double' },
  ] },
  { name: 'Lead', keyPrefix: '00Q', fields: [...common('00Q'), text('FirstName'), text('LastName'), text('Name'), text('Company'), { name: 'Email', type: 'email' }, { name: 'Status', type: 'picklist' }, { name: 'IsConverted', type: 'boolean' }] },
  { name: 'Event', keyPrefix: '00U', fields: [
    ...common('00U'), text('Subject'), { name: 'StartDateTime', type: 'datetime' }, { name: 'EndDateTime', type: 'datetime' },
    { name: 'ActivityDate', type: 'date' }, { name: 'IsAllDay', type: 'boolean' }, { name: 'IsPrivate', type: 'boolean' },
    { name: 'ShowAs', type: 'picklist' }, text('Location'),
    { name: 'WhoId', type: 'reference', referenceTo: ['Contact', 'Lead'], relationshipName: 'Who' },
    { name: 'WhatId', type: 'reference', referenceTo: ['Account', 'Opportunity'], relationshipName: 'What' },
  ] },
];

const u = (ref: string, n: number, first: string, last: string, active: boolean): Row => ({
  Id: makeId('005', ref, n), IsDeleted: false, CreatedDate: '2025-01-01T00:00:00.000Z', SystemModstamp: '2025-01-01T00:00:00.000Z',
  Username: `${first.toLowerCase()}@acme.test`, Email: `${first.toLowerCase()}@acme.test`, FirstName: first, LastName: last,
  Name: `${first} ${last}`, Alias: first.slice(0, 4).toLowerCase(), IsActive: active, TimeZoneSidKey: 'America/Los_Angeles',
});
const USERS = [u('u1', 1, 'Alice', 'Admin', true), u('u2', 2, 'Bob', 'Rep', true), u('u3', 3, 'Carol', 'Gone', false)];

const a = (ref: string, n: number, name: string, owner: string, industry: string | null, employees: number | null, revenue: number | null): Row => ({
  Id: makeId('001', ref, n), IsDeleted: false, CreatedDate: '2025-06-01T12:00:00.000Z', SystemModstamp: '2025-06-01T12:00:00.000Z',
  OwnerId: id(owner), Name: name, Type: 'Customer', Industry: industry, NumberOfEmployees: employees, AnnualRevenue: revenue, Website: null,
});
const ACCOUNTS = [
  a('a1', 1, 'Acme Corp', 'u1', 'Manufacturing', 1200, 5_000_000),
  a('a2', 2, 'Globex', 'u2', 'Energy', 300, 750_000.5),
  a('a3', 3, "O'Brien & Sons_Ltd", 'u2', null, null, null),
];

const c = (ref: string, n: number, f: Partial<Row> & { LastName: string; CreatedDate: string }): Row => ({
  Id: makeId('003', ref, n), IsDeleted: false, SystemModstamp: f.CreatedDate, OwnerId: id('u2'), FirstName: null, Email: null,
  Phone: null, Title: null, AccountId: null, Birthdate: null, DoNotCall: false, Interests__c: null, Description: null, Score__c: null,
  ...f, Name: [f.FirstName, f.LastName].filter(Boolean).join(' '),
});
const CONTACTS = [
  c('c1', 1, { FirstName: 'Ann', LastName: 'Lee', Email: 'ann.lee@globex.test', AccountId: id('a2'), CreatedDate: '2026-03-04T17:00:00.000Z', Birthdate: '1990-03-04', Interests__c: 'Golf;Tennis', Score__c: 12.5, Title: 'CTO' }),
  c('c2', 2, { FirstName: 'bob', LastName: 'Zed', Email: 'BOB.ZED@ACME.TEST', AccountId: id('a1'), CreatedDate: '2026-03-04T07:00:00.000Z', DoNotCall: true, Interests__c: 'Tennis', Score__c: -3, OwnerId: id('u1') }),
  c('c3', 3, { FirstName: 'Cem', LastName: 'Özdemir', Email: 'cem@initech.test', AccountId: id('a3'), CreatedDate: '2026-03-02T12:00:00.000Z', Birthdate: '1985-12-31', Interests__c: 'Chess;Golf;Sailing', Score__c: 99 }),
  c('c4', 4, { FirstName: 'Dee', LastName: 'lee', Email: null, CreatedDate: '2026-02-20T12:00:00.000Z', Title: '100% Sales_Lead', Description: 'Long notes' }),
  c('c5', 5, { LastName: 'Old', Email: 'old@acme.test', AccountId: id('a1'), CreatedDate: '2025-12-15T12:00:00.000Z', Score__c: 0 }),
  c('c6', 6, { FirstName: 'Eve', LastName: 'Next', Email: 'eve@acme.test', AccountId: id('a1'), CreatedDate: '2026-03-05T09:00:00.000Z', OwnerId: id('u3') }),
];

const l = (ref: string, n: number, first: string, last: string, company: string, status: string, converted: boolean): Row => ({
  Id: makeId('00Q', ref, n), IsDeleted: false, CreatedDate: '2026-01-10T10:00:00.000Z', SystemModstamp: '2026-01-10T10:00:00.000Z',
  OwnerId: id('u2'), FirstName: first, LastName: last, Name: `${first} ${last}`, Company: company, Email: `${first.toLowerCase()}@${company.toLowerCase()}.test`,
  Status: status, IsConverted: converted,
});
const LEADS = [l('l1', 1, 'Liz', 'Lead', 'Umbrella', 'Open - Not Contacted', false), l('l2', 2, 'Max', 'Prospect', 'Hooli', 'Closed - Converted', true)];

const e = (ref: string, n: number, f: Partial<Row> & { Subject: string; StartDateTime: string; EndDateTime: string }): Row => ({
  Id: makeId('00U', ref, n), IsDeleted: false, CreatedDate: '2026-03-01T00:00:00.000Z', SystemModstamp: '2026-03-01T00:00:00.000Z',
  OwnerId: id('u2'), ActivityDate: f.StartDateTime.slice(0, 10), IsAllDay: false, IsPrivate: false, ShowAs: 'Busy', Location: null,
  WhoId: null, WhatId: null, ...f,
});
const EVENTS = [
  e('e1', 1, { Subject: 'Kickoff', StartDateTime: '2026-03-04T17:00:00.000Z', EndDateTime: '2026-03-04T18:00:00.000Z', WhoId: id('c1'), WhatId: id('a2'), Location: 'Room 1' }),
  e('e2', 2, { Subject: 'Demo', StartDateTime: '2026-03-10T16:00:00.000Z', EndDateTime: '2026-03-10T17:00:00.000Z', WhoId: id('l1'), ShowAs: 'Free' }),
  e('e3', 3, { Subject: 'Offsite', StartDateTime: '2026-03-20T00:00:00.000Z', EndDateTime: '2026-03-21T00:00:00.000Z', ActivityDate: '2026-03-20', IsAllDay: true, IsPrivate: true, OwnerId: id('u1') }),
  e('e4', 4, { Subject: 'Retro', StartDateTime: '2026-02-26T18:00:00.000Z', EndDateTime: '2026-02-26T19:00:00.000Z', WhatId: id('a1') }),
  e('e5', 5, { Subject: 'Cancelled', StartDateTime: '2026-03-04T20:00:00.000Z', EndDateTime: '2026-03-04T21:00:00.000Z', IsDeleted: true }),
];

const ROWS: Record<string, Row[]> = { User: USERS, Account: ACCOUNTS, Contact: CONTACTS, Lead: LEADS, Event: EVENTS };

/** Builds the data source; `extraRows` lets a test append rows (e.g. thousands for LIMIT/OFFSET checks). */
export function createFixtureSource(extraRows: Record<string, Row[]> = {}): SoqlDataSource & { rowsRead: number } {
  const all = new Map<string, { objectName: string; row: Row }>();
  for (const [objectName, list] of Object.entries({ ...ROWS })) {
    for (const row of [...list, ...(extraRows[objectName] ?? [])]) {
      all.set(String(row.Id), { objectName, row });
      all.set(String(row.Id).slice(0, 15), { objectName, row });
    }
  }
  const source = {
    rowsRead: 0,
    schema: (name: string) => SCHEMAS.find((s) => s.name.toLowerCase() === name.toLowerCase()),
    *rows(objectName: string, options: { includeDeleted: boolean }) {
      for (const row of [...(ROWS[objectName] ?? []), ...(extraRows[objectName] ?? [])]) {
        if (!options.includeDeleted && row.IsDeleted) continue;
        source.rowsRead++;
        yield row;
      }
    },
    byId: (idValue: string) => all.get(idValue),
  };
  return source;
}
