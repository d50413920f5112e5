/**
 * @module
 * A day of ordinary rep activity in Outlook, drawn from the seed: each rep in the population creates a contact in
 * Salesforce_Sync and edits another; some move a contact out of Salesforce_Sync (CON-02), delete one (CON-06), add a
 * meeting, or mark a meeting private after it synced (EVT-02). In Salesforce some reps add notes to one of their
 * events (the SF-only edits EVT-03 puts at risk). Edits go through the sims' in-process actions, like Outlook's or a
 * Salesforce UI user's would, so they count neither as requests nor as API use.
 */
import type { ExchangeDriver, SalesforceDriver } from '../scenario/env/types.ts';
import type { Rng } from '../util/random.ts';
import type { RehearsalWorld } from './build-world.ts';

export interface ActivityInput { world: RehearsalWorld; exchange: ExchangeDriver; salesforce: SalesforceDriver; rng: Rng; now: number }

export async function applyDailyActivity({ world, exchange, salesforce, rng, now }: ActivityInput): Promise<number> {
  let edits = 0;
  const sfEvents = new Map<string, Awaited<ReturnType<SalesforceDriver['records']>>>();
  for (const org of world.salesforce.orgs) sfEvents.set(org.id, await salesforce.records(org.id, 'Event'));
  for (const rep of world.reps) {
    const r = rng.fork(rep.alias);
    const contacts = (await exchange.contacts(rep.address)).filter((c) => c.folder === 'Salesforce_Sync');
    const n = r.int(1, 9999);
    await exchange.create(rep.address, 'Contact', { folder: 'Salesforce_Sync', givenName: `New${n}`, surname: `Lead${rep.alias.length}`, email1: `new${n}.${rep.alias}@example.org`, companyName: rep.companies?.[0] ?? 'Unknown Co' });
    edits++;
    if (contacts.length) {
      const target = contacts[r.int(0, contacts.length - 1)]!;
      await exchange.update(rep.address, target.key, { jobTitle: `Title ${r.int(1, 999)}` });
      edits++;
    }
    if (contacts.length > 1 && r.next() < 0.2) {
      await exchange.move(rep.address, contacts[0]!.key, 'Contacts');
      edits++;
    } else if (contacts.length > 2 && r.next() < 0.1) {
      await exchange.remove(rep.address, contacts[1]!.key);
      edits++;
    }
    if (r.next() < 0.5) {
      const start = now + r.int(1, 5) * 86_400_000 + 15 * 3_600_000;
      await exchange.create(rep.address, 'Event', { subject: `Follow-up ${r.int(1, 999)}`, start: new Date(start).toISOString(), end: new Date(start + 1_800_000).toISOString() });
      edits++;
    }
    if (r.next() < 0.1) {
      const events = (await exchange.events(rep.address)).filter((e) => e.fields.Sensitivity !== 'Private' && Date.parse(String(e.fields.Start ?? '')) > now);
      const target = events[0];
      if (target) { await exchange.update(rep.address, target.key, { sensitivity: 'Private' }); edits++; }
    }
    for (const org of rep.orgs) {
      if (r.next() >= 0.3) continue;
      const userId = salesforce.idOfRef(org, rep.alias);
      const own = (sfEvents.get(org) ?? []).filter((e) => e.fields.OwnerId === userId && Date.parse(String(e.fields.StartDateTime ?? '')) > now);
      const target = own[r.int(0, Math.max(0, own.length - 1))];
      if (!target) continue;
      await salesforce.update(org, rep.alias, 'Event', target.id, { Description: `Notes from ${new Date(now).toISOString().slice(0, 10)}: ${r.int(1, 999)}` });
      edits++;
    }
  }
  return edits;
}
