/**
 * @module
 * SOQL tokenizer. Produces identifiers (keywords are identifiers; the parser decides by position, as SOQL lets
 * many keywords be field names), strings (escapes checked here, raw text kept for LIKE), numbers, date and datetime
 * literals, and punctuation. Each token keeps its offset for Row/Column errors.
 */
import { errorAt } from './errors.ts';

export type TokenKind = 'ident' | 'string' | 'number' | 'date' | 'datetime' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for strings: the characters between the quotes, escapes undecoded). */
  text: string;
  at: number;
}

const DATE_OR_DATETIME = /(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2}))?/y;
const TWO_CHAR_PUNCT = new Set(['!=', '<>', '<=', '>=']);
const ONE_CHAR_PUNCT = new Set(['(', ')', ',', '.', ':', '=', '<', '>', '-', '+', '*', ';', '[', ']', '{', '}', '@', '?', '!']);
/** Salesforce's escapes inside '…' (case-insensitive letters); \% and \_ only matter to LIKE. */
const STRING_ESCAPES = new Set(['n', 'N', 't', 'T', 'r', 'R', 'b', 'B', 'f', 'F', '"', "'", '\\', '_', '%', 'u']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'ident', text: text.slice(start, i), at: start });
      continue;
    }
    if (isDigit(c)) {
      DATE_OR_DATETIME.lastIndex = i;
      const m = DATE_OR_DATETIME.exec(text);
      if (m) {
        i = DATE_OR_DATETIME.lastIndex;
        tokens.push({ kind: m[4] === undefined ? 'date' : 'datetime', text: m[0], at: start });
        continue;
      }
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (text[i] === '.' && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      if (i < n && isIdentStart(text.charCodeAt(i))) {
        // `12abc` is neither a number nor an identifier; Salesforce blames the whole lexeme.
        while (i < n && isIdentPart(text.charCodeAt(i))) i++;
        throw errorAt(text, start, 'MALFORMED_QUERY', `unexpected token: '${text.slice(start, i)}'`);
      }
      tokens.push({ kind: 'number', text: text.slice(start, i), at: start });
      continue;
    }
    if (c === 39 /* ' */) {
      i = scanString(text, i);
      tokens.push({ kind: 'string', text: text.slice(start + 1, i - 1), at: start });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_PUNCT.has(two)) {
      tokens.push({ kind: 'punct', text: two, at: start });
      i += 2;
      continue;
    }
    if (ONE_CHAR_PUNCT.has(text[i])) {
      tokens.push({ kind: 'punct', text: text[i], at: start });
      i++;
      continue;
    }
    if (c === 34 /* " */) {
      throw errorAt(text, start, 'MALFORMED_QUERY', `unexpected token: '"'. SOQL strings use single quotes: 'text'`);
    }
    throw errorAt(text, start, 'MALFORMED_QUERY', `unexpected token: '${text[i]}'`);
  }
  tokens.push({ kind: 'eof', text: '<EOF>', at: n });
  return tokens;
}

/** Returns the offset just past the closing quote; validates escapes. */
function scanString(text: string, openAt: number): number {
  let i = openAt + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") return i + 1;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) break;
      if (!STRING_ESCAPES.has(next)) {
        throw errorAt(text, i, 'MALFORMED_QUERY', `Invalid string literal '\\${next}'. Illegal character sequence '\\${next}' in string literal.`);
      }
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          throw errorAt(text, i, 'MALFORMED_QUERY', `Invalid unicode escape in string literal: expected \\u followed by 4 hex digits`);
        }
        i += 6;
        continue;
      }
      i += 2;
      continue;
    }
    i++;
  }
  throw errorAt(text, openAt, 'MALFORMED_QUERY', `unterminated string literal starting at this quote; close it with '`);
}

/** Decodes the escapes of a string token. With `forLike`, \% and \_ are kept escaped for the pattern compiler. */
export function decodeString(raw: string, forLike = false): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = raw[++i];
    switch (next) {
      case 'n': case 'N': out += '\n'; break;
      case 't': case 'T': out += '\t'; break;
      case 'r': case 'R': out += '\r'; break;
      case 'b': case 'B': out += '\b'; break;
      case 'f': case 'F': out += '\f'; break;
      case 'u': out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16)); i += 4; break;
      case '%': case '_': out += forLike ? `\\${next}` : next; break;
      case '\\': out += forLike ? '\\\\' : '\\'; break;
      default: out += next; // ' and "
    }
  }
  return out;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
