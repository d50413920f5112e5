/**
 * @module
 * The parser's cursor over tokens: look-ahead, accept/expect helpers, and the primitives both the clause parser
 * and the WHERE parser need (field paths, whole numbers). Every failure is a MALFORMED_QUERY at the offending token.
 */
import type { FieldPath } from './ast.ts';
import { errorAt, unsupportedAt } from './errors.ts';
import { tokenize, type Token } from './lexer.ts';

/**
 * SOQL's reserved words (Salesforce's list): never a field or object name, so `SELECT FROM Contact` blames FROM.
 * ORDER, OFFSET, USING … are not reserved — `SELECT Id FROM Order` is valid SOQL.
 */
const RESERVED = new Set([
  'AND', 'ASC', 'DESC', 'EXCLUDES', 'FIRST', 'FROM', 'GROUP', 'HAVING', 'IN', 'INCLUDES', 'LAST', 'LIKE', 'LIMIT', 'NOT',
  'NULL', 'NULLS', 'OR', 'SELECT', 'WHERE', 'WITH',
]);

export class TokenStream {
  private readonly tokens: Token[];
  private pos = 0;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
  }

  peek(): Token {
    return this.tokens[this.pos];
  }
  /** The token `k` places ahead of the current one (the EOF token past the end). */
  peekAt(k: number): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)];
  }
  next(): Token {
    const t = this.tokens[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  /** The current token upper-cased, for keyword checks. */
  upper(): string {
    return this.peek().text.toUpperCase();
  }
  isKeyword(word: string, k = 0): boolean {
    const t = this.peekAt(k);
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }
  isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === p;
  }
  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.pos++;
    return true;
  }
  expectPunct(p: string): void {
    if (!this.acceptPunct(p)) throw this.unexpected(this.peek());
  }
  acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.pos++;
    return true;
  }
  /** `ORDER BY`: the first word commits, so a missing second word is an error at it. */
  acceptKeywords(first: string, second: string): boolean {
    if (!this.acceptKeyword(first)) return false;
    if (!this.acceptKeyword(second)) throw this.unexpected(this.peek());
    return true;
  }
  expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) throw this.unexpected(this.peek());
  }
  expectIdent(what: string): Token {
    const t = this.peek();
    if (t.kind !== 'ident' || RESERVED.has(t.text.toUpperCase())) {
      throw errorAt(this.text, t.at, 'MALFORMED_QUERY', `${unexpectedText(t)} (expected ${what})`);
    }
    return this.next();
  }

  fieldPath(): FieldPath {
    const first = this.expectIdent('a field name');
    const parts = [first.text];
    while (this.acceptPunct('.')) parts.push(this.expectIdent('a field name after the dot').text);
    return { parts, at: first.at };
  }

  /** A non-negative whole number (LIMIT, OFFSET, the n of LAST_N_DAYS:n). */
  integer(clause: string): { value: number; at: number } {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === ':') throw unsupportedAt(this.text, t.at, 'bind variables (:name)');
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) {
      throw errorAt(this.text, t.at, 'MALFORMED_QUERY', `unexpected token: '${t.text}'. ${clause} takes a whole number`);
    }
    this.next();
    return { value: Number(t.text), at: t.at };
  }

  unexpected(t: Token) {
    return errorAt(this.text, t.at, 'MALFORMED_QUERY', unexpectedText(t));
  }
}

function unexpectedText(t: Token): string {
  return t.kind === 'eof' ? 'unexpected token: <EOF>' : `unexpected token: '${t.text}'`;
}
