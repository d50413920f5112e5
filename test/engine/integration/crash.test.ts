/**
 * G-05 / G-04: the engine is stopped at each write point of a cycle in turn — after recording its intent, after the
 * server write, after committing state — and restarted from what was on disk at that instant. The final state of
 * both servers must equal an uninterrupted run's, with no duplicates.
 */
import { cpSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type HarnessWorld } from './harness.ts';

const world = (): HarnessWorld => ({
  mailboxes: [{
    address: 'ann@acme.test', department: 'Sales', salesforceSyncFolder: true,
    contacts: [{ givenName: 'Ex', surname: 'One', email1: 'ex1@x.test' }, { givenName: 'Ex', surname: 'Two', email1: 'ex2@x.test' }],
    calendar: [
      { subject: 'EX meeting A', start: '2026-03-02T15:00:00Z', end: '2026-03-02T16:00:00Z' },
      { subject: 'EX meeting B', start: '2026-03-03T15:00:00Z', end: '2026-03-03T16:00:00Z' },
    ],
  }],
  org: {
    users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }],
    contacts: [
      { owner: 'ann', firstName: 'Sf', lastName: 'One', email: 'sf1@x.test' },
      { owner: 'ann', firstName: 'Sf', lastName: 'Two', email: 'sf2@x.test' },
      { owner: 'ann', firstName: 'Sf', lastName: 'Three', email: 'sf3@x.test' },
    ],
    events: [{ owner: 'ann', subject: 'SF call', start: '2026-03-02T18:00:00Z', end: '2026-03-02T18:30:00Z' }],
    configs: [{ name: 'Sales', users: ['ann'] }],
  },
});

/** Both servers' synced data as sorted lines: equal lines = equal final state; a duplicate shows up twice. */
function model(h: Harness): string[] {
  const sfContacts = h.sf.actions.find('prod', 'Contact').map((r) => `SF contact ${r.FirstName}|${r.LastName}|${r.Email}`);
  const sfEvents = h.sf.actions.find('prod', 'Event').map((r) => `SF event ${r.Subject}|${Date.parse(String(r.StartDateTime))}`);
  const exContacts = h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').map((i) => `EX contact ${i.props.GivenName}|${i.props.Surname}`);
  const exEvents = h.ex.actions.findItems('ann@acme.test', (i) => i.kind === 'CalendarItem').map((i) => `EX event ${i.props.Subject}|${Date.parse(String(i.props.Start))}`);
  return [...sfContacts, ...sfEvents, ...exContacts, ...exEvents].sort();
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

class CrashSignal extends Error {}

describe('G-05 crash safety', () => {
  it('stopping the engine at every write point and restarting from state ends in the uninterrupted final state, without duplicates (G-04)', async () => {
    h = await startHarness(world());
    const points: string[] = [];
    const reference = h.engine({}, { onWritePoint: (p) => void points.push(`${p.phase} ${p.operation}`) });
    expect((await reference.runCycle()).errors).toEqual([]);
    expect((await reference.runCycle()).errors).toEqual([]);
    const expected = model(h);
    expect(expected.filter((l) => l.startsWith('SF contact'))).toHaveLength(5);
    expect(expected.filter((l) => l.startsWith('EX event'))).toHaveLength(3);
    expect(new Set(expected).size).toBe(expected.length);
    expect(points.length).toBeGreaterThanOrEqual(6);
    await h.close();

    for (let k = 1; k <= points.length; k++) {
      h = await startHarness(world());
      const snapshot = `${h.stateDir}-at-crash`;
      let seen = 0;
      const crashing = h.engine({}, {
        onWritePoint: () => {
          if (++seen !== k) return;
          // What a killed process leaves behind is exactly what was on disk at this instant.
          cpSync(h!.stateDir, snapshot, { recursive: true });
          throw new CrashSignal(`crash at write point ${k}: ${points[k - 1]}`);
        },
      });
      const crashed = await crashing.runCycle();
      expect(crashed.errors.map((e) => e.message).join('\n'), `point ${k}`).toContain(`crash at write point ${k}`);
      await crashing.close();
      rmSync(h.stateDir, { recursive: true, force: true });
      cpSync(snapshot, h.stateDir, { recursive: true });

      const restarted = h.engine();
      h.clock.advance(60_000);
      expect((await restarted.runCycle()).errors, `restart after ${points[k - 1]}`).toEqual([]);
      h.clock.advance(60_000);
      await restarted.runCycle();
      expect(model(h), `final state after a crash at ${points[k - 1]}`).toEqual(expected);
      await h.close();
      h = undefined;
    }
  });
});
