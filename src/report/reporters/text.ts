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
