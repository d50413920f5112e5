import { afterEach, describe, expect, it } from 'vitest';
import type { CycleSummary } from '../../../src/sync/api.ts';
import { startHarness, type Harness, type HarnessWorld } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const world = (): HarnessWorld => ({
  mailboxes: ['ann', 'bob', 'cid'].map((r) => ({
    address: `${r}@acme.test`, salesforceSyncFolder: true,
    contacts: [{ generate: 6 }],
    calendar: [{ generate: 6, privateShare: 0.3, spreadDays: 2 }],
  })),
  org: {
    users: ['ann', 'bob', 'cid'].map((r) => ({ ref: r, email: `${r}@acme.test`, timeZone: 'UTC' })),
    contacts: ['ann', 'bob', 'cid'].map((r) => ({ generate: 5, owner: r })),
    events: ['ann', 'bob', 'cid'].map((r) => ({ generate: 4, owner: r })),
    configs: [{ name: 'Sales', users: ['ann', 'bob', 'cid'], events: { filter: 'LAST_N_DAYS:30' } }],
  },
});

async function run(): Promise<string> {
  h = await startHarness(world(), 11);
  const engine = h.engine();
  const cycles: CycleSummary[] = [];
  for (let i = 0; i < 2; i++) {
    cycles.push(await engine.runCycle());
    h.clock.advance(5 * 60_000);
  }
  const out = JSON.stringify({ cycles, ex: h.ex.trace.entries().map((e) => [e.operation, e.target, e.status, e.items]), sf: h.sf.trace.entries().map((e) => [e.method, e.path, e.status]) });
  await h.close();
  h = undefined;
  return out;
}

describe('G-08 determinism', () => {
  it('the same world, seed and engine give byte-identical cycle summaries and request sequences', async () => {
    const first = await run();
    const second = await run();
    expect(first.length).toBeGreaterThan(1000);
    expect(second).toBe(first);
  });

  it('decision 0001: an engine whose service account differs from the org setup refuses to sync and says which names differ', async () => {
    h = await startHarness({ ...world(), org: { ...world().org, lightningSync: { serviceAccountUsername: 'ACME\\other-svc' } } });
    const seq = h.ex.trace.lastSeq();
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => e.code)).toEqual(['SERVICE_ACCOUNT_MISMATCH']);
    expect(cycle.errors[0]!.message).toContain('ACME\\other-svc');
    expect(h.ex.trace.since(seq)).toEqual([]);
  });
});
