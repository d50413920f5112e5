import { describe, expect, it } from 'vitest';
import { ScenarioClock, parseDuration } from '../../src/time/clock.ts';

describe('ScenarioClock', () => {
  it('advances on sleep without waiting on wall time', async () => {
    const clock = new ScenarioClock('2026-03-02T08:00:00Z');
    const wallBefore = Date.now();
    await clock.sleep(5 * 60_000);
    expect(new Date(clock.now()).toISOString()).toBe('2026-03-02T08:05:00.000Z');
    expect(Date.now() - wallBefore).toBeLessThan(1000);
  });

  it('refuses to go back in time', () => {
    const clock = new ScenarioClock('2026-03-02T08:00:00Z');
    expect(() => clock.set('2026-03-01T00:00:00Z')).toThrow(/cannot go back/);
  });

  it('notifies listeners with the new and previous instants', () => {
    const clock = new ScenarioClock(0);
    const seen: Array<[number, number]> = [];
    clock.onChange((now, prev) => seen.push([now, prev]));
    clock.advance(10);
    expect(seen).toEqual([[10, 0]]);
  });
});

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
  ])('%s = %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '15', 'm', '15x', '1h 30m'])('rejects %j with an example of the format', (text) => {
    expect(() => parseDuration(text)).toThrow(/expected e\.g\./);
  });
});
