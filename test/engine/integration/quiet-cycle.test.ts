/**
 * Issue #6 §6: a quiet cycle must not re-read what the last one already saw. With a scenario clock every record a
 * cycle writes shares one SystemModstamp millisecond, and the `>=` watermark re-read all of them on every later
 * cycle. A watermark is "settled" (RepState.sfSettled) once a read started WATERMARK_SETTLE_MS after it; only then
 * does the next read use `>`. These tests pin both halves: quiet means zero records read, and an edit in the very
 * millisecond of an unsettled watermark is still picked up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { oneRepWorld, startHarness, writesSince, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const HOUR = 3_600_000;

async function start(): Promise<Harness> {
  return startHarness(oneRepWorld());
}

describe('quiet cycles and settled Salesforce watermarks (issue #6 §6, G-02)', () => {
  it('once settled, a quiet cycle reads no Salesforce record; a later edit is still read and synced', async () => {
    h = await start();
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    h.clock.advance(HOUR);
    const second = await engine.runCycle();
    // The initial sync's own SF writes (the Event) share its millisecond: read back once, as before.
    expect(second.read.salesforce).toBeGreaterThan(0);
    h.clock.advance(HOUR);
    const exSeq = h.ex.trace.lastSeq();
    const sfSeq = h.sf.trace.lastSeq();
    const third = await engine.runCycle();
    expect(third.errors).toEqual([]);
    expect(third.read).toEqual({ salesforce: 0, exchange: 0 });
    expect(writesSince(h.ex, exSeq)).toEqual([]);
    expect(writesSince(h.sf, sfSeq)).toEqual([]);

    h.clock.advance(HOUR);
    const [contact] = h.sf.actions.find('prod', 'Contact', (r) => r.LastName === 'Lee');
    h.sf.actions.updateRecord('prod', 'ann', String(contact!.Id), { Title: 'CEO' });
    h.clock.advance(HOUR);
    const fourth = await engine.runCycle();
    expect(fourth.errors).toEqual([]);
    expect(fourth.read.salesforce).toBe(1);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')[0]!.props).toMatchObject({ JobTitle: 'CEO' });
  });

  it('an edit in the same millisecond as an unsettled watermark is not missed (>= kept until settled)', async () => {
    h = await start();
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    // Same scenario millisecond: the watermark (the Event the engine just wrote) cannot be settled yet.
    await engine.runCycle();
    const [contact] = h.sf.actions.find('prod', 'Contact', (r) => r.LastName === 'Lee');
    h.sf.actions.updateRecord('prod', 'ann', String(contact!.Id), { Title: 'COO' });
    const third = await engine.runCycle();
    expect(third.errors).toEqual([]);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')[0]!.props).toMatchObject({ JobTitle: 'COO' });
  });
});
