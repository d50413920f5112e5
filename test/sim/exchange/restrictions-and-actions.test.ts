import {
  Appointment,
  BasePropertySet,
  ChangeType,
  Contact,
  ContactSchema,
  DateTime,
  ExtendedPropertyDefinition,
  Guid,
  ItemSchema,
  ItemView,
  LogicalOperator,
  MapiPropertyType,
  PropertySet,
  SearchFilter,
  Sensitivity,
  SyncFolderItemsScope,
  WellKnownFolderName,
  FolderId,
  AppointmentSchema,
  ContainmentMode,
  ComparisonMode,
} from 'ews-javascript-api';
import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import { buildDemoExchangeWorld, startExchangeSim } from '../../../sim/exchange/index.ts';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { EXTENDED_PROPERTIES } from '../../../sim/exchange/world.ts';
import { REP, service, startSim, testWorld } from './fixture.ts';

let sim: ExchangeSim;
let clock: ScenarioClock;
beforeAll(async () => {
  ({ sim, clock } = await startSim(
    testWorld({
      mailboxes: [
        {
          address: REP,
          department: 'Sales',
          contacts: [
            { ref: 'ann', folder: 'contacts', givenName: 'Ann', surname: 'Lee', email1: 'ann@example.com', companyName: 'Acme' },
            { ref: 'bob', folder: 'contacts', givenName: 'Bob', surname: 'Ng', companyName: 'Globex' },
            { ref: 'cat', folder: 'contacts', givenName: 'Cat', surname: 'Ito', companyName: 'Acme Labs' },
          ],
          calendar: [
            { ref: 'series', subject: 'Weekly', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z', recurrence: { pattern: 'weekly', count: 4 } },
            { ref: 'one', subject: 'One-off', start: '2026-03-03T10:00:00Z', end: '2026-03-03T11:00:00Z' },
          ],
        },
      ],
    }),
  ));
});
afterAll(async () => {
  await sim.close();
});

async function names(filter: SearchFilter): Promise<string[]> {
  const r = await service(sim).FindItems(WellKnownFolderName.Contacts, filter, new ItemView(50));
  return r.Items.map((i) => (i as Contact).GivenName).sort();
}

describe('FindItem restrictions', () => {
  it('IsEqualTo ignores case; IsNotEqualTo; Contains substring and prefix', async () => {
    expect(await names(new SearchFilter.IsEqualTo(ContactSchema.CompanyName, 'ACME'))).toEqual(['Ann']);
    expect(await names(new SearchFilter.IsNotEqualTo(ContactSchema.CompanyName, 'Acme'))).toEqual(['Bob', 'Cat']);
    expect(await names(new SearchFilter.ContainsSubstring(ContactSchema.CompanyName, 'acme', ContainmentMode.Substring, ComparisonMode.IgnoreCase))).toEqual(['Ann', 'Cat']);
    expect(await names(new SearchFilter.ContainsSubstring(ContactSchema.CompanyName, 'Glo', ContainmentMode.Prefixed, ComparisonMode.Exact))).toEqual(['Bob']);
  });

  it('And / Or / Not / Exists and time comparisons', async () => {
    const andOr = new SearchFilter.SearchFilterCollection(LogicalOperator.Or, [
      new SearchFilter.IsEqualTo(ContactSchema.GivenName, 'Bob'),
      new SearchFilter.SearchFilterCollection(LogicalOperator.And, [
        new SearchFilter.ContainsSubstring(ContactSchema.CompanyName, 'Acme'),
        new SearchFilter.Not(new SearchFilter.IsEqualTo(ContactSchema.GivenName, 'Ann')),
      ]),
    ]);
    expect(await names(andOr)).toEqual(['Bob', 'Cat']);
    expect(await names(new SearchFilter.Exists(ContactSchema.EmailAddress1))).toEqual(['Ann']);
    clock.advance(60_000);
    sim.actions.updateContact(REP, 'bob', { jobTitle: 'Buyer' });
    expect(await names(new SearchFilter.IsGreaterThan(ItemSchema.LastModifiedTime, DateTime.Parse('2026-03-02T08:00:30Z')))).toEqual(['Bob']);
  });
});

describe('extended properties on create and in restrictions (ORG-01 stamps)', () => {
  it('stores string stamps set before Save and finds items by them', async () => {
    const svc = service(sim);
    const orgStamp = new ExtendedPropertyDefinition(new Guid(EXTENDED_PROPERTIES.salesforceOrgId.propertySetId), 'SalesforceOrgId', MapiPropertyType.String);
    const c = new Contact(svc);
    c.GivenName = 'Stamped';
    c.SetExtendedProperty(orgStamp, '00D000000000001EAA');
    await c.Save(WellKnownFolderName.Contacts);
    expect(sim.actions.item(REP, c.Id.UniqueId)!.extended[0]).toMatchObject({ value: '00D000000000001EAA' });
    const view = new ItemView(10);
    view.PropertySet = new PropertySet(BasePropertySet.IdOnly, [orgStamp, ContactSchema.GivenName]);
    const found = await svc.FindItems(WellKnownFolderName.Contacts, new SearchFilter.IsEqualTo(orgStamp, '00D000000000001EAA'), view);
    expect(found.Items.map((i) => (i as Contact).GivenName)).toEqual(['Stamped']);
    const other = await svc.FindItems(WellKnownFolderName.Contacts, new SearchFilter.IsEqualTo(orgStamp, '00D000000000002EAA'), view);
    expect(other.TotalCount).toBe(0);
  });
});

describe('rep actions are visible like client changes', () => {
  it('markPrivate, logToSalesforce and occurrence edits bump ChangeKeys and show up in SyncFolderItems', async () => {
    const svc = service(sim);
    const calendar = new FolderId(WellKnownFolderName.Calendar);
    const first = await svc.SyncFolderItems(calendar, PropertySet.FirstClassProperties, null as never, 512, SyncFolderItemsScope.NormalItems, null as never);
    const before = sim.actions.item(REP, 'one')!.changeKey;
    sim.actions.markPrivate(REP, 'one');
    sim.actions.logToSalesforce(REP, 'one');
    sim.actions.deleteOccurrence(REP, 'series', '2026-03-09T10:00:00Z');
    expect(sim.actions.item(REP, 'one')!.changeKey).not.toBe(before);
    const delta = await svc.SyncFolderItems(calendar, PropertySet.FirstClassProperties, null as never, 512, SyncFolderItemsScope.NormalItems, first.SyncState);
    expect(delta.GetEnumerator().map((c) => [ChangeType[c.ChangeType], (c.Item as Appointment).Subject])).toEqual([
      ['Update', 'One-off'],
      ['Update', 'Weekly'],
    ]);
    const logged = new ExtendedPropertyDefinition(new Guid(EXTENDED_PROPERTIES.loggedToSalesforce.propertySetId), 'SalesforceLogged', MapiPropertyType.Boolean);
    const one = await Appointment.Bind(svc, delta.GetEnumerator()[0]!.ItemId, new PropertySet(BasePropertySet.FirstClassProperties, [logged, AppointmentSchema.Sensitivity]));
    expect(one.Sensitivity).toBe(Sensitivity.Private);
    expect(one.ExtendedProperties.Count).toBe(1);
    const master = await Appointment.Bind(svc, delta.GetEnumerator()[1]!.ItemId, new PropertySet(BasePropertySet.FirstClassProperties, [AppointmentSchema.DeletedOccurrences]));
    expect(master.DeletedOccurrences.Count).toBe(1);
  });
});

describe('control API and msw handlers', () => {
  it('applies actions, sets the scenario clock and reads the trace over /_sim', async () => {
    const post = (path: string, body: unknown) => fetch(`${sim.urls.origin}/_sim/${path}`, { method: 'POST', body: JSON.stringify(body) });
    const created: any = await (await post('actions', { type: 'createContact', mailbox: REP, contact: { ref: 'zed', folder: 'contacts', givenName: 'Zed' } })).json();
    expect(created.results[0].props.GivenName).toBe('Zed');
    const bad = await post('actions', { type: 'explode', mailbox: REP });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: string }).error).toMatch(/unknown type "explode"/);
    const now: any = await (await post('clock', { advance: '15m' })).json();
    expect(Date.parse(now.now)).toBe(clock.now());
    const trace: any = await (await fetch(`${sim.urls.origin}/_sim/trace?since=0`)).json();
    expect(trace.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(trace)).not.toMatch(/Svc&<pass>1|Basic [A-Za-z0-9+/=]{8,}/);
  });

  it('snapshots, restores and schedules faults over /_sim', async () => {
    const base = `${sim.urls.origin}/_sim`;
    const snapshot = await (await fetch(`${base}/snapshot`)).text();
    sim.actions.createContact(REP, { ref: 'temp', folder: 'contacts', givenName: 'Temp' });
    expect(sim.actions.item(REP, 'temp')).toBeDefined();
    expect((await fetch(`${base}/restore`, { method: 'POST', body: snapshot })).status).toBe(200);
    expect(sim.actions.item(REP, 'temp')).toBeUndefined();
    const bad = await fetch(`${base}/restore`, { method: 'POST', body: '{"format":"nope"}' });
    expect(bad.status).toBe(422);
    const rules = [{ id: 'busy', match: { operation: 'FindItem', nth: 1 }, effect: { kind: 'server-busy', backOffMs: 1000 } }];
    expect((await fetch(`${base}/faults`, { method: 'PUT', body: JSON.stringify(rules) })).status).toBe(200);
    expect(sim.faults.list().map((r) => r.id)).toEqual(['busy']);
    sim.faults.clear();
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('serves ews-javascript-api in-process through msw setupServer', async () => {
    const server = setupServer(...sim.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    let intercepted = 0;
    server.events.on('request:match', () => void intercepted++);
    try {
      const r = await service(sim).FindItems(WellKnownFolderName.Contacts, new ItemView(10));
      expect(r.TotalCount).toBeGreaterThanOrEqual(3);
      expect(intercepted).toBe(1);
      // Only this sim's origin is claimed: another host passes through to onUnhandledRequest.
      const unmatched = await getResponse(sim.handlers, new Request('http://127.0.0.1:1/EWS/Exchange.asmx', { method: 'POST' }));
      expect(unmatched).toBeUndefined();
    } finally {
      server.close();
    }
  });
});

describe('demo world', () => {
  it('builds five Sales reps in scope and one mailbox outside it, with private and recurring events', async () => {
    const demo = await startExchangeSim({ clock: new ScenarioClock('2026-03-02T08:00:00Z'), seed: 11, world: buildDemoExchangeWorld(11) });
    try {
      const reps = demo.directory.mailboxes().filter((m) => m.department === 'Sales');
      expect(reps.length).toBeGreaterThanOrEqual(5);
      const rep = reps[0]!.address;
      const events = demo.actions.findItems(rep, (i) => i.kind === 'CalendarItem');
      expect(events.some((e) => e.props['Sensitivity'] === 'Private')).toBe(true);
      expect(events.some((e) => e.props['Recurrence'] !== undefined)).toBe(true);
      expect(demo.directory.checkImpersonation({ kind: 'service-account', userName: 'svc-sync@acme.test' }, 'finn.hall@acme.test').ok).toBe(false);
      // Same seed, same world (G-08).
      const again = await startExchangeSim({ clock: new ScenarioClock('2026-03-02T08:00:00Z'), seed: 11, world: buildDemoExchangeWorld(11) });
      expect(JSON.stringify(again.snapshot().store)).toBe(JSON.stringify(demo.snapshot().store));
      await again.close();
    } finally {
      await demo.close();
    }
  });
});
