/**
 * `recordActions: false` (issue #6: an initial sync of 1,000 reps plans ~1.4 M actions) drops the planned actions
 * from the cycle summary but changes nothing the engine writes, counts or reports as findings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { oneRepWorld, startHarness, type Harness } from './harness.ts';

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function cycle(recordActions: boolean | undefined) {
  const h = await startHarness(oneRepWorld());
  harnesses.push(h);
  const engine = h.engine(recordActions === undefined ? {} : { recordActions });
  return engine.runCycle();
}

describe('EngineOptions.recordActions', () => {
  it('false: no actions in the summary, the same writes, reads and findings as the default', async () => {
    const kept = await cycle(undefined);
    const dropped = await cycle(false);
    expect(kept.actions.length).toBeGreaterThan(0);
    expect(dropped.actions).toEqual([]);
    expect(dropped.written).toEqual(kept.written);
    expect(dropped.read).toEqual(kept.read);
    expect(dropped.written.exchange + dropped.written.salesforce).toBeGreaterThan(0);
    expect(dropped.findings.map((f) => f.kind)).toEqual(kept.findings.map((f) => f.kind));
  });
});
