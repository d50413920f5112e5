/**
 * @module
 * Small text helpers shared by the reporters.
 */

/** A compact one-line rendering of an expected/actual value. */
export function describeValue(value: unknown, max = 400): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Scenario time as ISO without milliseconds noise. */
export function instant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Scenario time in the scenario's zone, e.g. `2026-03-02 03:00 America/New_York`; ISO UTC when no zone. */
export function localInstant(ms: number, zone?: string): string {
  if (!zone || zone === 'UTC') return instant(ms);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
