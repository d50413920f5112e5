import { describe, expect, it } from 'vitest';
import { detachString, detachStrings } from '../../src/util/detach.ts';

describe('detachString / detachStrings', () => {
  it('returns equal strings for every length and every character, including ones JSON escapes', () => {
    const big = `<x>${'a'.repeat(1000)}"\\\n\u2028😀</x>`;
    for (const s of ['', 'short', big.slice(3, 40), big.slice(990), big]) expect(detachString(s)).toBe(s);
  });

  it('walks objects and arrays in place and leaves non-strings alone', () => {
    const source = '{"id":"AAMkAGI2TG93AAA=","n":1}';
    const value = { a: [source.slice(7, 23), 2, null], b: { c: source.slice(2, 4), d: true } };
    const same = detachStrings(value);
    expect(same).toBe(value);
    expect(value).toEqual({ a: ['AAMkAGI2TG93AAA=', 2, null], b: { c: 'id', d: true } });
  });
});
