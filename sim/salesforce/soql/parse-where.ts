/**
 * @module
 * The WHERE grammar:
 *
 *   or     := term (AND term)* | term (OR term)*      — SOQL refuses AND and OR mixed without parentheses
 *   term   := NOT term | '(' or ')' | path op value | path [NOT] IN '(' values ')' | path INCLUDES|EXCLUDES '(' values ')'
 *   value  := string | [+|-] number | date | datetime | NULL | TRUE | FALSE | DATE_LITERAL [':' int]
 */
import type { Condition, LiteralValue } from './ast.ts';
import { N_DATE_LITERALS, PLAIN_DATE_LITERALS, isFiscalDateLiteral } from './date-literals.ts';
import { errorAt, unsupportedAt } from './errors.ts';
import { decodeString, type Token } from './lexer.ts';
import { parseDatetimeLiteral, validateDateLiteral } from './literal-values.ts';
import type { TokenStream } from './token-stream.ts';

const COMPARISON_OPS = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);

export function parseCondition(s: TokenStream): Condition {
  const first = term(s);
  const connector = s.peek().kind === 'ident' ? s.upper() : '';
  if (connector !== 'AND' && connector !== 'OR') return first;
  const items = [first];
  while (s.isKeyword('AND') || s.isKeyword('OR')) {
    const t = s.next();
    if (t.text.toUpperCase() !== connector) {
      throw errorAt(s.text, t.at, 'MALFORMED_QUERY', `unexpected token: '${t.text}' (SOQL needs parentheses to mix AND and OR)`);
    }
    items.push(term(s));
  }
  return connector === 'AND' ? { kind: 'and', items } : { kind: 'or', items };
}

function term(s: TokenStream): Condition {
  const t = s.peek();
  if (s.acceptKeyword('NOT')) return { kind: 'not', item: term(s), at: t.at };
  if (s.acceptPunct('(')) {
    const inner = parseCondition(s);
    s.expectPunct(')');
    return inner;
  }
  if (t.kind === 'ident' && s.peekAt(1).text === '(') throw unsupportedAt(s.text, t.at, `function ${t.text}() in WHERE`);
  const field = s.fieldPath();
  const opToken = s.peek();
  const op = opToken.text.toUpperCase();
  if (opToken.kind === 'punct' && COMPARISON_OPS.has(op)) {
    s.next();
    return { kind: 'compare', field, op: op === '<>' ? '!=' : (op as '='), value: value(s), opAt: opToken.at };
  }
  if (opToken.kind === 'ident') {
    if (op === 'LIKE') {
      s.next();
      return { kind: 'compare', field, op: 'LIKE', value: value(s), opAt: opToken.at };
    }
    if (op === 'IN' || op === 'INCLUDES' || op === 'EXCLUDES') {
      s.next();
      return { kind: 'set', field, op: op as 'IN', values: valueList(s, op), opAt: opToken.at };
    }
    if (op === 'NOT' && s.isKeyword('IN', 1)) {
      s.next();
      s.next();
      return { kind: 'set', field, op: 'NOT IN', values: valueList(s, 'NOT IN'), opAt: opToken.at };
    }
  }
  throw s.unexpected(opToken);
}

function valueList(s: TokenStream, op: string): LiteralValue[] {
  if (s.isPunct(':')) throw unsupportedAt(s.text, s.peek().at, 'bind variables (:name)');
  s.expectPunct('(');
  const t = s.peek();
  if (s.isKeyword('SELECT')) throw unsupportedAt(s.text, t.at, `semi-joins and anti-joins (${op} (SELECT …))`);
  const values: LiteralValue[] = [];
  do values.push(value(s));
  while (s.acceptPunct(','));
  s.expectPunct(')');
  return values;
}

function value(s: TokenStream): LiteralValue {
  const t = s.next();
  switch (t.kind) {
    case 'string': return { kind: 'string', value: decodeString(t.text), raw: t.text, at: t.at };
    case 'number': return { kind: 'number', value: Number(t.text), text: t.text, at: t.at };
    case 'date': return { kind: 'date', value: validateDateLiteral(s.text, t), at: t.at };
    case 'datetime': return { kind: 'datetime', epochMs: parseDatetimeLiteral(s.text, t), text: t.text, at: t.at };
    case 'punct': {
      if ((t.text === '-' || t.text === '+') && s.peek().kind === 'number') {
        const num = s.next();
        return { kind: 'number', value: Number(num.text) * (t.text === '-' ? -1 : 1), text: t.text + num.text, at: t.at };
      }
      if (t.text === ':') throw unsupportedAt(s.text, t.at, 'bind variables (:name)');
      throw s.unexpected(t);
    }
    case 'ident': return wordValue(s, t);
    default: throw s.unexpected(t);
  }
}

function wordValue(s: TokenStream, t: Token): LiteralValue {
  const upper = t.text.toUpperCase();
  if (upper === 'NULL') return { kind: 'null', at: t.at };
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', at: t.at };
  if (PLAIN_DATE_LITERALS.has(upper)) {
    if (s.isPunct(':')) throw s.unexpected(s.peek());
    return { kind: 'date-literal', name: upper, at: t.at };
  }
  if (N_DATE_LITERALS.has(upper)) {
    if (!s.acceptPunct(':')) {
      throw errorAt(s.text, s.peek().at, 'MALFORMED_QUERY', `unexpected token: '${s.peek().text}'. ${upper} needs a number: ${upper}:7`);
    }
    return { kind: 'date-literal', name: upper, n: s.integer(upper).value, at: t.at };
  }
  if (isFiscalDateLiteral(upper)) throw unsupportedAt(s.text, t.at, `fiscal date literal ${upper}`);
  throw s.unexpected(t);
}
