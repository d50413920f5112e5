/**
 * Issue #6: one Salesforce change probe per org and cycle instead of four queries per rep. A rep none of whose
 * records changed since it last read is not queried at all; a rep with a change is read and synced as before; with a
 * single rep there is no probe (it could not pay for itself). Counted in the Salesforce sim's trace.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const HOUR = 3_600_000;
const REPS = ['ann', 'bo', 'cy'];

async function start(reps = REPS): Promise<Harness> {
  return startHarness({
    mailboxes: reps.map((r) => ({
      address: `${r}@acme.test`, department: 'Sales',
      calendar: [{ subject: `Call ${r}`, start: '2026-03-03T15:00:00Z', end: '2026-03-03T16:00:00Z' }],
    })),
    org: {
      users: reps.map((r) => ({ ref: r, email: `${r}@acme.test`, timeZone: 'UTC' })),
      contacts: reps.map((r) => ({ owner: r, firstName: 'Pat', lastName: `Lee-${r}`, email: `pat.${r}@example.test`, title: 'CTO' })),
      configs: [{ name: 'Sales', users: reps }],
    },
  });
}

/** Salesforce queries since `seq`, as [operation, object] pairs. */
function queriesSince(harness: Harness, seq: number): string[] {
  return harness.sf.trace.since(seq).filter((e) => e.operation === 'query' || e.operation === 'queryAll').map((e) => e.operation);
}

/** The initial sync and the cycles that re-read its own writes, on one engine (coverage lives in the engine). */
async function settle(harness: Harness, engine: ReturnType<Harness['engine']>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    expect((await engine.runCycle()).errors).toEqual([]);
    harness.clock.advance(HOUR);
  }
}

describe('Salesforce change probe (issue #6)', () => {
  it('a quiet cycle sends one probe per object and no per-rep query; an edit is read for its owner only and synced', async () => {
    h = await start();
    const engine = h.engine();
    await settle(h, engine);
    let seq = h.sf.trace.lastSeq();
    const quiet = await engine.runCycle();
    expect(quiet.errors).toEqual([]);
    expect(quiet.read).toEqual({ salesforce: 0, exchange: 0 });
    // queryAll: the two probes only (Contact, Event); no per-rep deleted-id reads (two per rep without the probe).
    expect(queriesSince(h, seq).filter((op) => op === 'queryAll')).toHaveLength(2);

    h.clock.advance(HOUR);
    const [contact] = h.sf.actions.find('prod', 'Contact', (r) => r.LastName === 'Lee-bo');
    h.sf.actions.updateRecord('prod', 'bo', String(contact!.Id), { Title: 'CEO' });
    h.clock.advance(HOUR);
    seq = h.sf.trace.lastSeq();
    const busy = await engine.runCycle();
    expect(busy.errors).toEqual([]);
    expect(busy.read.salesforce).toBe(1);
    // Two probes + bo's deleted-contact read; bo's events and the other reps are not read.
    expect(queriesSince(h, seq).filter((op) => op === 'queryAll')).toHaveLength(3);
    expect(h.ex.actions.itemsIn('bo@acme.test', 'Salesforce_Sync')[0]!.props).toMatchObject({ JobTitle: 'CEO' });
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')[0]!.props).toMatchObject({ JobTitle: 'CTO' });
  });

  it('a deletion in Salesforce is seen by the probe (queryAll) and read by its owner (CON-06)', async () => {
    h = await start();
    const engine = h.engine();
    await settle(h, engine);
    const [contact] = h.sf.actions.find('prod', 'Contact', (r) => r.LastName === 'Lee-cy');
    h.sf.actions.deleteRecord('prod', 'cy', String(contact!.Id));
    h.clock.advance(HOUR);
    expect(h.ex.actions.itemsIn('cy@acme.test', 'Salesforce_Sync')).toHaveLength(1);
    const seq = h.sf.trace.lastSeq();
    const cycle = await engine.runCycle();
    expect(cycle.errors).toEqual([]);
    // Two probes + cy's deleted-contact read, which finds the deletion: CON-06 keeps the Outlook partner.
    expect(queriesSince(h, seq).filter((op) => op === 'queryAll')).toHaveLength(3);
    expect(cycle.actions.filter((a) => a.rule === 'CON-06').map((a) => a.rep)).toEqual(['cy@acme.test']);
    expect(h.ex.actions.itemsIn('cy@acme.test', 'Salesforce_Sync')).toHaveLength(1);
  });

  it('a single rep reads per rep, without a probe', async () => {
    h = await start(['ann']);
    const engine = h.engine();
    await settle(h, engine);
    const seq = h.sf.trace.lastSeq();
    expect((await engine.runCycle()).errors).toEqual([]);
    expect(queriesSince(h, seq).filter((op) => op === 'queryAll')).toHaveLength(2); // ann's two deleted-id reads
  });
});
