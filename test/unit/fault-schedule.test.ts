import { describe, expect, it } from 'vitest';
import { ScenarioClock } from '../../src/time/clock.ts';
import { FaultSchedule } from '../../sim/core/fault-schedule.ts';

describe('FaultSchedule', () => {
  const busy = { kind: 'server-busy', backOffMs: 5000 } as const;

  it('fires on the nth matching call only', () => {
    const s = new FaultSchedule(new ScenarioClock(0));
    s.set([{ id: 'f1', match: { operation: 'FindItem', nth: 2 }, effect: busy }]);
    const fired = [1, 2, 3].map(() => s.check({ operation: 'FindItem' })?.id);
    expect(fired).toEqual([undefined, 'f1', undefined]);
    expect(s.check({ operation: 'GetItem' })).toBeUndefined();
  });

  it('respects the scenario-time window and the target', () => {
    const clock = new ScenarioClock('2026-01-01T00:00:00Z');
    const s = new FaultSchedule(clock);
    s.set([{ id: 'w', match: { target: 'a@x.test', from: '2026-01-01T01:00:00Z', until: '2026-01-01T02:00:00Z' }, effect: busy }]);
    expect(s.check({ operation: 'FindItem', target: 'a@x.test' })).toBeUndefined();
    clock.advance(3_600_000);
    expect(s.check({ operation: 'FindItem', target: 'A@X.test' })?.id).toBe('w');
    expect(s.check({ operation: 'FindItem', target: 'b@x.test' })).toBeUndefined();
    clock.advance(3_600_000);
    expect(s.check({ operation: 'FindItem', target: 'a@x.test' })).toBeUndefined();
  });

  it('draws probabilities from the seed: same seed, same firings', () => {
    const run = (seed: number) => {
      const s = new FaultSchedule(new ScenarioClock(0), seed);
      s.set([{ id: 'p', match: { probability: 0.3 }, effect: busy }]);
      return Array.from({ length: 50 }, () => (s.check({ operation: 'X' }) ? 1 : 0)).join('');
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
    expect(run(7)).toMatch(/1/);
  });

  it('stops after `times` firings', () => {
    const s = new FaultSchedule(new ScenarioClock(0));
    s.set([{ id: 't', match: { times: 2 }, effect: busy }]);
    expect([1, 2, 3, 4].map(() => s.check({ operation: 'X' })?.id)).toEqual(['t', 't', undefined, undefined]);
  });
});
