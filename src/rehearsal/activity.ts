/**
 * @module
 * A day of ordinary rep activity in Outlook, drawn from the seed: each rep in the population creates a contact in
 * Salesforce_Sync and edits another; some move a contact out of Salesforce_Sync (CON-02), delete one (CON-06), add a
 * meeting, or mark a meeting private after it synced (EVT-02). Edits go through the sim store like Outlook's would.
 */
import type { ExchangeDriver } from '../scenario/env/types.ts';
import type { Rng } from '../util/random.ts';
import type { RehearsalWorld } from './build-world.ts';

export interface ActivityInput { world: RehearsalWorld; exchange: ExchangeDriver; rng: Rng; now: number }

export async function applyDailyActivity({ world, exchange, rng, now }: ActivityInput): Promise<number> {
  let edits = 0;
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
      const events = (await exchange.events(rep.address)).filter((e) => e.fields.Sensitivity !== 'Private' && Number(e.fields.Start ?? 0) > now);
      const target = events[0];
      if (target) { await exchange.update(rep.address, target.key, { sensitivity: 'Private' }); edits++; }
    }
  }
  return edits;
}
