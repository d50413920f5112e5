import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioClock } from '#time/clock.ts';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { failure, login, loginAdmin, startSim } from './helpers.ts';

let sim: SalesforceSim;
let clock: ScenarioClock;
beforeEach(async () => ({ sim, clock } = await startSim()));
afterEach(() => sim.close());

type Rec = Record<string, unknown>;

describe('single-record CRUD through jsforce', () => {
  it('create → retrieve → update → delete, with system fields from the scenario clock', async () => {
    const conn = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const created = await conn.sobject('Contact').create({ FirstName: 'Kim', LastName: 'Lee', Email: 'kim@example.test' });
    expect(created).toMatchObject({ success: true, errors: [] });
    const id = (created as { id: string }).id;
    expect(id).toMatch(/^003[A-Za-z0-9]{15}$/);
    const rec = (await conn.sobject('Contact').retrieve(id)) as Rec;
    expect(rec).toMatchObject({ LastName: 'Lee', Name: 'Kim Lee', OwnerId: sim.actions.userId('prod', 'ana'), IsDeleted: false });
    expect(rec.CreatedDate).toBe('2026-03-02T08:00:00.000+0000');
    expect((rec.attributes as Rec).url).toBe(`/services/data/v62.0/sobjects/Contact/${id}`);

    clock.advance(60_000);
    await conn.sobject('Contact').update({ Id: id, Title: 'CTO' });
    const after = (await conn.sobject('Contact').retrieve(id.slice(0, 15), { fields: ['Id', 'Title', 'SystemModstamp'] })) as Rec;
    expect(after).toMatchObject({ Id: id, Title: 'CTO', SystemModstamp: '2026-03-02T08:01:00.000+0000' });
    expect(Object.keys(after)).toEqual(['attributes', 'Id', 'Title', 'SystemModstamp']);

    await conn.sobject('Contact').destroy(id);
    expect((await failure(conn.sobject('Contact').retrieve(id))).errorCode).toBe('ENTITY_IS_DELETED');
    expect((await failure(conn.sobject('Contact').retrieve('003000000000000AAA'))).errorCode).toBe('NOT_FOUND');
    expect((await failure(conn.sobject('Contact').update({ Id: id, Title: 'x' }))).errorCode).toBe('ENTITY_IS_DELETED');
    const row = sim.actions.get('prod', id)!;
    expect(row.IsDeleted).toBe(true); // recycle bin
    const writes = sim.trace.entries((e) => e.write).map((e) => e.operation);
    expect(writes).toEqual(['sobjects.create', 'sobjects.update', 'sobjects.delete']);
  });

  it('validation errors as Salesforce words them', async () => {
    const conn = await loginAdmin(sim);
    const c = conn.sobject('Contact');
    const missing = await failure(c.create({ FirstName: 'No' }));
    expect(missing.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect((missing.data as { fields: string[] }).fields).toEqual(['LastName']);
    expect((await failure(c.create({ LastName: 'x'.repeat(81) }))).errorCode).toBe('STRING_TOO_LONG');
    expect((await failure(c.create({ LastName: 'A', Bogus__c: 1 }))).errorCode).toBe('INVALID_FIELD');
    expect((await failure(c.create({ LastName: 'A', CreatedDate: '2026-01-01T00:00:00Z' }))).errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect((await failure(c.create({ LastName: 'A', Birthdate: 'yesterday' }))).errorCode).toBe('INVALID_TYPE_ON_FIELD_IN_RECORD');
    expect((await failure(c.create({ LastName: 'A', Email: 'not-an-email' }))).errorCode).toBe('INVALID_EMAIL_ADDRESS');
    expect((await failure(c.create({ LastName: 'A', AccountId: 'garbage' }))).errorCode).toBe('MALFORMED_ID');
    expect((await failure(c.create({ LastName: 'A', AccountId: sim.actions.userId('prod', 'ana') }))).errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect((await failure(c.create({ LastName: { nested: true } }))).errorCode).toBe('JSON_PARSER_ERROR');
    const e = conn.sobject('Event');
    const showAs = await failure(e.create({ Subject: 'x', StartDateTime: '2026-03-03T10:00:00Z', DurationInMinutes: 30, ShowAs: 'Maybe' }));
    expect(showAs.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect((await failure(e.create({ Subject: 'x', StartDateTime: '2026-03-03T10:00:00Z' }))).errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect((await failure(conn.sobject('Bogus').create({ Name: 'x' }))).errorCode).toBe('NOT_FOUND');
    expect((await failure(c.retrieve('003xyz'))).errorCode).toBe('MALFORMED_ID');
    const inactiveOwner = await failure(c.create({ LastName: 'A', OwnerId: sim.actions.userId('prod', 'gone') }));
    expect(inactiveOwner.errorCode).toBe('INACTIVE_OWNER_OR_USER');
  });

  it('events: end/duration derived, all-day by ActivityDate, 14-day cap, series RRULE (SIM-SF-04)', async () => {
    const conn = await loginAdmin(sim);
    const e = conn.sobject('Event');
    const { id } = (await e.create({ Subject: 'Demo', StartDateTime: '2026-03-03T10:00:00.000+0000', EndDateTime: '2026-03-03T11:30:00.000+0000' })) as { id: string };
    expect(await e.retrieve(id)).toMatchObject({ DurationInMinutes: 90, ActivityDate: '2026-03-03', ShowAs: 'Busy', IsAllDayEvent: false });
    await e.update({ Id: id, StartDateTime: '2026-03-03T12:00:00Z' }); // moving the start keeps the duration
    expect(await e.retrieve(id)).toMatchObject({ EndDateTime: '2026-03-03T13:30:00.000+0000', DurationInMinutes: 90 });
    const allDay = (await e.create({ Subject: 'Offsite', IsAllDayEvent: true, ActivityDate: '2026-03-05', DurationInMinutes: 2880 })) as { id: string };
    expect(await e.retrieve(allDay.id)).toMatchObject({ StartDateTime: '2026-03-05T00:00:00.000+0000', EndDateTime: '2026-03-06T00:00:00.000+0000', DurationInMinutes: 2880 });
    expect((await failure(e.create({ Subject: 'x', StartDateTime: '2026-03-03T10:00:00Z', DurationInMinutes: 15 * 1440 }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect((await failure(e.create({ Subject: 'x', StartDateTime: '2026-03-03T10:00:00Z', DurationInMinutes: 30, IsRecurrence2: true, Recurrence2PatternText: 'weekly' }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    const series = (await e.create({ Subject: 'Standup', StartDateTime: '2026-03-03T09:00:00Z', DurationInMinutes: 15, IsRecurrence2: true, Recurrence2PatternText: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5' })) as { id: string };
    expect(await e.retrieve(series.id)).toMatchObject({ IsRecurrence2: true, Recurrence2PatternText: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5' });
  });

  it('Classic recurrence: each occurrence is its own Event pointing at the main record (EVT-06)', async () => {
    const conn = await loginAdmin(sim);
    const { id } = (await conn.sobject('Event').create({
      Subject: 'Weekly 1:1', StartDateTime: '2026-03-02T17:00:00Z', DurationInMinutes: 30, IsRecurrence: true,
      RecurrenceType: 'RecursWeekly', RecurrenceInterval: 1, RecurrenceDayOfWeekMask: 2 + 8, // Mon + Wed
      RecurrenceStartDateTime: '2026-03-02T17:00:00Z', RecurrenceEndDateOnly: '2026-03-13',
    })) as { id: string };
    const occ = await conn.query<{ StartDateTime: string; IsRecurrence: boolean; DurationInMinutes: number }>(
      `SELECT StartDateTime, IsRecurrence, DurationInMinutes FROM Event WHERE RecurrenceActivityId = '${id}' ORDER BY StartDateTime`,
    );
    expect(occ.records.map((r) => r.StartDateTime.slice(0, 10))).toEqual(['2026-03-02', '2026-03-04', '2026-03-09', '2026-03-11']);
    expect(occ.records.every((r) => r.IsRecurrence === false && r.DurationInMinutes === 30)).toBe(true);
    const daily = { Subject: 'd', StartDateTime: '2026-03-02T09:00:00Z', DurationInMinutes: 15, IsRecurrence: true, RecurrenceType: 'RecursDaily', RecurrenceStartDateTime: '2026-03-02T09:00:00Z' };
    expect((await failure(conn.sobject('Event').create({ ...daily, RecurrenceEndDateOnly: '2026-12-31' }))).message).toMatch(/at most 100 occurrences/);
    expect((await failure(conn.sobject('Event').create({ ...daily, RecurrenceType: 'RecursYearlyNth', RecurrenceEndDateOnly: '2027-12-31' }))).message).toMatch(/not implemented/);
    expect(sim.actions.find('prod', 'Event', (r) => r.Subject === 'd')).toHaveLength(0); // a refused pattern leaves nothing
    await conn.sobject('Event').destroy(id);
    expect((await conn.query(`SELECT Id FROM Event WHERE RecurrenceActivityId = '${id}'`)).totalSize).toBe(0);
  });

  it('sharing: Private contacts are invisible to non-owners; Read lets them see but not edit', async () => {
    await sim.close();
    const { smallWorld, startSim: start } = await import('./helpers.ts');
    const world = smallWorld();
    world.orgs[0]!.sharing = { Contact: 'Private', Account: 'Read' };
    ({ sim, clock } = await start(world));
    const bo = await login(sim, 'prod', 'bo@acme.test', 'bo-pw');
    const contactId = sim.actions.find('prod', 'Contact')[0]!.Id as string;
    expect((await failure(bo.sobject('Contact').retrieve(contactId))).errorCode).toBe('NOT_FOUND');
    const accountId = sim.actions.find('prod', 'Account')[0]!.Id as string;
    expect(await bo.sobject('Account').retrieve(accountId)).toMatchObject({ Name: 'Acme Corp' });
    expect((await failure(bo.sobject('Account').update({ Id: accountId, Name: 'Mine' }))).errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    const admin = await loginAdmin(sim);
    expect(await admin.sobject('Contact').retrieve(contactId)).toMatchObject({ LastName: 'Smith' }); // ViewAllData
    const { id: mine } = (await bo.sobject('Lead').create({ LastName: 'L', Company: 'C' })) as { id: string };
    const ana = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const transfer = await failure(ana.sobject('Lead').update({ Id: mine, OwnerId: sim.actions.userId('prod', 'ana') }));
    expect(transfer.errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY'); // ReadWrite lets her edit, not take it
    await bo.sobject('Lead').update({ Id: mine, OwnerId: sim.actions.userId('prod', 'ana') });
    expect(sim.actions.get('prod', mine)!.OwnerId).toBe(sim.actions.userId('prod', 'ana'));
  });

  it('duplicate rules: DUPLICATES_DETECTED unless the header allows the save', async () => {
    await sim.close();
    const { smallWorld, startSim: start } = await import('./helpers.ts');
    const world = smallWorld();
    world.orgs[0]!.duplicateRules = [{ object: 'Contact', matchOn: ['Email'] }];
    ({ sim, clock } = await start(world));
    const conn = await loginAdmin(sim);
    const dup = await failure(conn.sobject('Contact').create({ LastName: 'Other', Email: 'JO@example.test' }));
    expect(dup.errorCode).toBe('DUPLICATES_DETECTED');
    const res = await fetch(`${conn.instanceUrl}/services/data/v62.0/sobjects/Contact`, {
      method: 'POST',
      headers: { authorization: `Bearer ${conn.accessToken}`, 'content-type': 'application/json', 'sforce-duplicate-rule-header': 'allowSave=true' },
      body: JSON.stringify({ LastName: 'Other', Email: 'jo@example.test' }),
    });
    expect(res.status).toBe(201);
  });

  it('API v38.0 clients work as well as v50.0+ (raw REST at v38.0)', async () => {
    const conn = await loginAdmin(sim, 'prod', '38.0');
    const { id } = (await conn.sobject('Contact').create({ LastName: 'Old' })) as { id: string };
    const res = await fetch(`${conn.instanceUrl}/services/data/v38.0/sobjects/Contact/${id}`, { headers: { authorization: `OAuth ${conn.accessToken}` } });
    expect(res.status).toBe(200);
    const rec = (await res.json()) as Rec;
    expect((rec.attributes as Rec).url).toBe(`/services/data/v38.0/sobjects/Contact/${id}`);
    expect(sim.trace.entries((e) => e.operation === 'sobjects.create')[0]!.path).toBe('/services/data/v38.0/sobjects/Contact');
    // Collections need v42.0: jsforce at 38.0 falls back to one call per record, and the raw resource is absent.
    const many = (await conn.sobject('Contact').create([{ LastName: 'A' }, { LastName: 'B' }])) as unknown as Array<{ success: boolean }>;
    expect(many.map((r) => r.success)).toEqual([true, true]);
    expect(sim.trace.entries((e) => e.operation === 'sobjects.create')).toHaveLength(3);
    const raw = await fetch(`${conn.instanceUrl}/services/data/v38.0/composite/sobjects`, {
      method: 'POST',
      headers: { authorization: `Bearer ${conn.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ records: [] }),
    });
    expect(raw.status).toBe(404);
  });
});

describe('describe', () => {
  it('global and per-object describe with field metadata', async () => {
    const conn = await loginAdmin(sim);
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((s) => s.name)).toEqual(expect.arrayContaining(['Contact', 'Event', 'LightningSyncConfig', 'LightningSyncError']));
    const d = await conn.sobject('Event').describe();
    const showAs = d.fields.find((f) => f.name === 'ShowAs')!;
    expect(showAs.picklistValues?.map((p) => p.value)).toEqual(['Busy', 'OutOfOffice', 'Free']);
    const who = d.fields.find((f) => f.name === 'WhoId')!;
    expect(who).toMatchObject({ type: 'reference', referenceTo: ['Contact', 'Lead'], relationshipName: 'Who' });
    const created = d.fields.find((f) => f.name === 'CreatedDate')!;
    expect(created).toMatchObject({ createable: false, updateable: false, type: 'datetime' });
    const contact = await conn.sobject('Contact').describe();
    expect(contact.fields.find((f) => f.name === 'LastName')).toMatchObject({ nillable: false, length: 80, createable: true });
    expect(contact.keyPrefix).toBe('003');
  });
});
