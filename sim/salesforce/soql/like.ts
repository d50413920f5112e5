/**
 * @module
 * LIKE patterns → anchored, case-insensitive RegExp: % any run of characters, _ exactly one, \% and \_ literal.
 */
import { decodeString } from './lexer.ts';

export function compileLike(raw: string): RegExp {
  const pattern = decodeString(raw, true);
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i]);
    } else if (ch === '%') {
      source += '[\\s\\S]*';
    } else if (ch === '_') {
      source += '[\\s\\S]';
    } else {
      source += escapeRegExp(ch);
    }
  }
  return new RegExp(source + '$', 'i');
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
