import {
  Appointment,
  AppointmentType,
  BasePropertySet,
  BodyType,
  CalendarView,
  ConflictResolutionMode,
  DateTime,
  DeleteMode,
  ExtendedPropertyDefinition,
  FolderId,
  Item,
  ItemId,
  MapiPropertyType,
  MessageBody,
  PropertySet,
  SendInvitationsMode,
  SendInvitationsOrCancellationsMode,
  SendCancellationsMode,
  Sensitivity,
  WellKnownFolderName,
  Guid,
} from 'ews-javascript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENDED_PROPERTIES } from '../../../sim/exchange/world.ts';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import { caught, REP, service, startSim, testWorld } from './fixture.ts';

let sim: ExchangeSim;
beforeAll(async () => {
  ({ sim } = await startSim(
    testWorld({
      mailboxes: [
        {
          address: REP,
          department: 'Sales',
          calendar: [
            {
              ref: 'weekly',
              subject: 'Standup',
              start: '2026-03-02T09:00:00Z',
              end: '2026-03-02T09:15:00Z',
              recurrence: { pattern: 'weekly', daysOfWeek: ['Monday', 'Wednesday'], count: 6, deletedOccurrences: ['2026-03-04T09:00:00Z'] },
            },
            { ref: 'single', subject: 'Lunch', start: '2026-03-03T12:00:00Z', end: '2026-03-03T13:00:00Z', loggedToSalesforce: true },
          ],
        },
      ],
    }),
  ));
});
afterAll(async () => {
  await sim.close();
});

const logged = new ExtendedPropertyDefinition(
  new Guid(EXTENDED_PROPERTIES.loggedToSalesforce.propertySetId),
  EXTENDED_PROPERTIES.loggedToSalesforce.name,
  MapiPropertyType.Boolean,
);

describe('calendar items', () => {
  it('round-trips a private appointment with body and location (SIM-EX-05)', async () => {
    const svc = service(sim);
    const a = new Appointment(svc);
    a.Subject = 'Call with Acme';
    a.Start = DateTime.Parse('2026-03-05T14:00:00Z');
    a.End = DateTime.Parse('2026-03-05T15:00:00Z');
    a.Sensitivity = Sensitivity.Private;
    a.Location = 'Phone';
    a.Body = new MessageBody(BodyType.Text, 'notes');
    await a.Save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
    const read = await Appointment.Bind(svc, a.Id);
    expect(read.Sensitivity).toBe(Sensitivity.Private);
    expect(read.Start.ToISOString()).toBe('2026-03-05T14:00:00.000Z');
    expect(read.Location).toBe('Phone');
    expect(read.Body.Text).toBe('notes');
    expect(read.AppointmentType).toBe(AppointmentType.Single);
    expect(read.IsRecurring).toBe(false);
  });

  it('converts the body to the requested BodyType', async () => {
    const svc = service(sim);
    const a = new Appointment(svc);
    a.Subject = 'html body';
    a.Start = DateTime.Parse('2026-03-05T14:00:00Z');
    a.End = DateTime.Parse('2026-03-05T15:00:00Z');
    a.Body = new MessageBody(BodyType.HTML, '&lt;p&gt;Agenda &amp;amp; notes&lt;/p&gt;&lt;p&gt;Line 2&lt;/p&gt;');
    await a.Save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
    const asText = new PropertySet(BasePropertySet.FirstClassProperties);
    asText.RequestedBodyType = BodyType.Text;
    const text = await Appointment.Bind(svc, a.Id, asText);
    expect(text.Body.BodyType).toBe(BodyType.Text);
    expect(text.Body.Text).toBe('Agenda & notes\nLine 2'); // XML parsing turns the CRLF into LF
    const asStored = await Appointment.Bind(svc, a.Id);
    expect(asStored.Body.Text).toBe('<p>Agenda &amp; notes</p><p>Line 2</p>');
  });

  it('stores an all-day event from midnight to midnight in the request time zone (EVT-11)', async () => {
    const svc = service(sim);
    const a = new Appointment(svc);
    a.Subject = 'Offsite';
    a.IsAllDayEvent = true;
    a.Start = DateTime.Parse('2026-03-05T10:00:00Z');
    a.End = DateTime.Parse('2026-03-05T11:00:00Z');
    await a.Save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
    const read = await Appointment.Bind(svc, a.Id);
    expect(read.IsAllDayEvent).toBe(true);
    expect([read.Start.ToISOString(), read.End.ToISOString()]).toEqual(['2026-03-05T00:00:00.000Z', '2026-03-06T00:00:00.000Z']);
  });

  it('needs SendMeetingInvitations on calendar creates, as Exchange does', async () => {
    const svc = service(sim);
    const a = new Appointment(svc);
    a.Subject = 'x';
    a.Start = DateTime.Parse('2026-03-05T14:00:00Z');
    a.End = DateTime.Parse('2026-03-05T15:00:00Z');
    const r = await svc.CreateItems([a], new FolderId(WellKnownFolderName.Calendar), null as never, null as never);
    expect(r.Responses[0]!.ErrorMessage).toMatch(/SendMeetingInvitations/);
  });

  it('stores, returns, sets and deletes extended properties (CFG-04 logged marker)', async () => {
    const svc = service(sim);
    const single = sim.actions.item(REP, 'single')!;
    const read = await Appointment.Bind(svc, new ItemId(single.itemId), new PropertySet(BasePropertySet.FirstClassProperties, [logged]));
    const value = read.ExtendedProperties.GetEnumerator().find((p) => p.PropertyDefinition.Name === 'SalesforceLogged');
    expect(value?.Value).toBe(true);

    const withoutAsk = await Appointment.Bind(svc, new ItemId(single.itemId));
    expect(withoutAsk.ExtendedProperties.Count).toBe(0);

    read.RemoveExtendedProperty(logged);
    await read.Update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
    expect(sim.actions.item(REP, 'single')!.extended).toEqual([]);

    read.SetExtendedProperty(logged, true);
    await read.Update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
    expect(sim.actions.item(REP, 'single')!.extended[0]).toMatchObject({ value: 'true' });
  });

  it('expands a series in CalendarView: occurrences, never the master, minus deleted ones (SIM-EX-04)', async () => {
    const svc = service(sim);
    const view = new CalendarView(DateTime.Parse('2026-03-01T00:00:00Z'), DateTime.Parse('2026-03-15T00:00:00Z'));
    const found = await svc.FindAppointments(WellKnownFolderName.Calendar, view);
    const standups = found.Items.filter((a) => a.Subject === 'Standup');
    expect(standups.map((a) => a.Start.ToISOString())).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
      '2026-03-11T09:00:00.000Z',
    ]);
    expect(standups.every((a) => a.AppointmentType === AppointmentType.Occurrence)).toBe(true);
    expect(found.Items.some((a) => a.AppointmentType === AppointmentType.RecurringMaster)).toBe(false);

    // An occurrence binds by its own id and leads back to the master.
    const occ = await Appointment.Bind(svc, standups[1]!.Id);
    expect(occ.Start.ToISOString()).toBe('2026-03-09T09:00:00.000Z');
    const master = await Appointment.BindToRecurringMaster(svc, standups[1]!.Id);
    expect(master.AppointmentType).toBe(AppointmentType.RecurringMaster);
    // The client parses the pattern and range (what an engine needs to build an RRULE for Salesforce).
    const rec = master.Recurrence as unknown as { DaysOfTheWeek: { GetEnumerator(): number[] }; NumberOfOccurrences: number; Interval: number; StartDate: DateTime };
    expect(rec.constructor.name).toBe('WeeklyPattern');
    expect(Number(rec.Interval)).toBe(1); // the client leaves it a string
    expect(rec.NumberOfOccurrences).toBe(6);
    expect([...rec.DaysOfTheWeek.GetEnumerator()]).toEqual([1, 3]); // Monday, Wednesday
    expect(rec.StartDate.ToISOString().slice(0, 10)).toBe('2026-03-02');
  });

  it('updating an occurrence makes an exception; deleting one records a deleted occurrence', async () => {
    const svc = service(sim);
    const view = new CalendarView(DateTime.Parse('2026-03-01T00:00:00Z'), DateTime.Parse('2026-03-31T00:00:00Z'));
    const before = (await svc.FindAppointments(WellKnownFolderName.Calendar, view)).Items.filter((a) => a.Subject === 'Standup');
    const occ = await Appointment.Bind(svc, before[0]!.Id);
    occ.Subject = 'Standup (moved)';
    await occ.Update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
    await (await Appointment.Bind(svc, before[1]!.Id)).Delete(DeleteMode.HardDelete, SendCancellationsMode.SendToNone);
    const after = (await svc.FindAppointments(WellKnownFolderName.Calendar, view)).Items.filter((a) => a.Subject.startsWith('Standup'));
    expect(after.length).toBe(before.length - 1);
    expect(after[0]!.Subject).toBe('Standup (moved)');
    expect(after[0]!.AppointmentType).toBe(AppointmentType.Exception);
    const master = sim.actions.item(REP, 'weekly')!;
    expect((master.props['DeletedOccurrences'] as number[]).length).toBe(2);
  });

  it('gives a moved item a new ItemId; the old one is not found (SIM-EX-02)', async () => {
    const svc = service(sim);
    const a = new Appointment(svc);
    a.Subject = 'to move';
    a.Start = DateTime.Parse('2026-03-06T10:00:00Z');
    a.End = DateTime.Parse('2026-03-06T11:00:00Z');
    await a.Save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
    const oldId = a.Id.UniqueId;
    await a.Delete(DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToNone);
    const moved = sim.actions.findItems(REP, (i) => i.props['Subject'] === 'to move')[0]!;
    expect(moved.folder).toBe('Deleted Items');
    expect(moved.itemId).not.toBe(oldId);
    const error = await caught(Item.Bind(svc, new ItemId(oldId)));
    expect(error['ErrorCode']).toBe(249);
    const back = await svc.MoveItems([new ItemId(moved.itemId)], new FolderId(WellKnownFolderName.Calendar));
    expect(back.Responses[0]!.Item.Id.UniqueId).not.toBe(moved.itemId);
  });

  it('rejects FindItem asking for GetItem-only properties such as Body', async () => {
    const raw = await sim.fetch(
      new Request(sim.urls.ews, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from('svc-sync@acme.test:Svc&<pass>1').toString('base64')}`, 'content-type': 'text/xml' },
        body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Header><t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${REP}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></soap:Header><soap:Body><m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Body"/></t:AdditionalProperties></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem></soap:Body></soap:Envelope>`,
      }),
    );
    const text = await raw.text();
    expect(text).toContain('ErrorInvalidPropertyRequest');
  });
});
