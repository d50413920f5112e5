/**
 * Recursive-descent parser for OPATH recipient filters (CONN-04).
 *
 *   filter     := '{' expr '}' | expr            (admins often paste the PowerShell script-block form)
 *   expr       := and ( '-or' and )*
 *   and        := unary ( '-and' unary )*
 *   unary      := '-not' unary | primary
 *   primary    := '(' expr ')' | comparison
 *   comparison := Property ( '-eq' | '-ne' | '-like' | '-notlike' ) ( 'quoted' | "quoted" | $null )
 *
 * Precedence as in PowerShell: -not binds tightest, then -and, then -or.
 */
import { RecipientFilterError, tokenize, type FilterToken } from './lexer.ts';
import { canonicalProperty, FILTERABLE_PROPERTIES, type FilterableProperty } from './properties.ts';

export type ComparisonOperator = 'eq' | 'ne' | 'like' | 'notlike';

export type FilterNode =
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | { type: 'compare'; property: FilterableProperty; operator: ComparisonOperator; value: string | null };

const COMPARISONS: ReadonlySet<string> = new Set(['eq', 'ne', 'like', 'notlike']);

export function parseRecipientFilter(filter: string): FilterNode {
  const tokens = tokenize(filter);
  let index = 0;
  const peek = (): FilterToken => tokens[index]!;
  const take = (): FilterToken => tokens[index++]!;
  const fail = (token: FilterToken, problem: string): never => {
    throw new RecipientFilterError(filter, token.pos, problem);
  };

  const describe = (token: FilterToken): string => {
    switch (token.kind) {
      case 'end':
        return 'the end of the filter';
      case 'operator':
        return token.text;
      case 'word':
        return `'${token.value}'`;
      case 'string':
        return `the string '${token.value}'`;
      default:
        return { lparen: "'('", rparen: "')'", lbrace: "'{'", rbrace: "'}'" }[token.kind];
    }
  };

  const isOperator = (token: FilterToken, name: string): boolean => token.kind === 'operator' && token.value === name;

  function expr(): FilterNode {
    let left = and();
    while (isOperator(peek(), 'or')) {
      take();
      left = { type: 'or', left, right: and() };
    }
    return left;
  }

  function and(): FilterNode {
    let left = unary();
    while (isOperator(peek(), 'and')) {
      take();
      left = { type: 'and', left, right: unary() };
    }
    return left;
  }

  function unary(): FilterNode {
    if (isOperator(peek(), 'not')) {
      take();
      return { type: 'not', operand: unary() };
    }
    return primary();
  }

  function primary(): FilterNode {
    const token = peek();
    if (token.kind === 'lparen') {
      take();
      const inner = expr();
      const close = take();
      if (close.kind !== 'rparen') fail(close, `expected ')' to close the '(' at position ${token.pos}, found ${describe(close)}`);
      return inner;
    }
    if (token.kind === 'word') return comparison();
    return fail(token, `expected a property name (e.g. Department), '(' or -not, found ${describe(token)}`);
  }

  function comparison(): FilterNode {
    const nameToken = take() as Extract<FilterToken, { kind: 'word' }>;
    const property = canonicalProperty(nameToken.value);
    if (!property) {
      fail(nameToken, `unknown property '${nameToken.value}'; filterable properties are ${FILTERABLE_PROPERTIES.join(', ')}`);
    }
    const op = take();
    if (op.kind !== 'operator' || !COMPARISONS.has(op.value)) {
      fail(op, `expected -eq, -ne, -like or -notlike after ${nameToken.value}, found ${describe(op)}`);
    }
    const operator = (op as Extract<FilterToken, { kind: 'operator' }>).value as ComparisonOperator;
    const valueToken = take();
    if (valueToken.kind === 'string') return { type: 'compare', property: property!, operator, value: valueToken.value };
    if (valueToken.kind === 'word' && valueToken.value.toLowerCase() === '$null') {
      if (operator === 'like' || operator === 'notlike') fail(valueToken, `$null cannot be used with -${operator}; use -eq $null or -ne $null`);
      return { type: 'compare', property: property!, operator, value: null };
    }
    return fail(
      valueToken,
      `expected a quoted value after -${operator} (e.g. ${nameToken.value} -${operator} 'Sales'), found ${describe(valueToken)}`,
    );
  }

  let braced = false;
  if (peek().kind === 'lbrace') {
    take();
    braced = true;
  }
  if (peek().kind === 'end') fail(peek(), 'the filter is empty; write e.g. Department -eq \'Sales\'');
  const tree = expr();
  if (braced) {
    const close = take();
    if (close.kind !== 'rbrace') fail(close, `expected '}' to close the '{' at position 1, found ${describe(close)}`);
  }
  const rest = peek();
  if (rest.kind !== 'end') {
    fail(rest, `unexpected ${describe(rest)}; join conditions with -and or -or`);
  }
  return tree;
}
