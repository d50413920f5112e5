/**
 * @module
 * Recursive-descent SOQL parser: text → SoqlQuery. Grammar (the subset the sim runs; clauses in Salesforce's order):
 *
 *   query     := SELECT item (',' item)* FROM object [alias] [WHERE or] [ORDER BY order (',' order)*]
 *                [LIMIT int] [OFFSET int] EOF
 *   item      := COUNT '(' [path] ')' [alias] | path
 *   or        := term (AND term)* | term (OR term)*      — SOQL refuses AND and OR mixed without parentheses
 *   term      := NOT term | '(' or ')' | path op value | path [NOT] IN '(' values ')' | path INCLUDES|EXCLUDES '(' values ')'
 *   value     := string | [+|-] number | date | datetime | NULL | TRUE | FALSE | DATE_LITERAL [':' int]
 *
 * Valid SOQL outside that subset (GROUP BY, subqueries, TYPEOF, WITH, FOR UPDATE, semi-joins, bind variables,
 * aggregate and date functions, fiscal literals) fails with a MALFORMED_QUERY that says "not supported by synclab's
 * Salesforce sim: …", at the position of the feature.
 */
import type { Condition, FieldPath, LiteralValue, OrderItem, SelectItem, SoqlQuery } from './ast.ts';
import { N_DATE_LITERALS, PLAIN_DATE_LITERALS, isFiscalDateLiteral } from './date-literals.ts';
import { errorAt, unsupportedAt } from './errors.ts';
import { decodeString, tokenize, type Token } from './lexer.ts';
import { parseDatetimeLiteral, validateDateLiteral } from './literal-values.ts';
import { MAX_OFFSET } from './limits.ts';

/** Clause keywords that end a FROM (so an identifier after the object is an alias only if it is none of these). */
const CLAUSE_KEYWORDS = new Set(['WHERE', 'WITH', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FOR', 'USING', 'UPDATE']);
const UNSUPPORTED_CLAUSES: Record<string, string> = {
  WITH: 'WITH clauses (WITH SECURITY_ENFORCED, WITH DATA CATEGORY, …)',
  GROUP: 'GROUP BY',
  HAVING: 'HAVING',
  FOR: 'FOR UPDATE / FOR VIEW / FOR REFERENCE',
  USING: 'USING SCOPE',
  UPDATE: 'UPDATE TRACKING / UPDATE VIEWSTAT',
};
const AGGREGATES = new Set(['AVG', 'SUM', 'MIN', 'MAX', 'COUNT_DISTINCT']);
const COMPARISON_OPS = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);
/** SOQL's reserved words: never a field or object name (so `SELECT FROM Contact` blames FROM, as Salesforce does). */
const RESERVED = new Set([
  'AND', 'ASC', 'DESC', 'EXCLUDES', 'FIRST', 'FROM', 'GROUP', 'HAVING', 'IN', 'INCLUDES', 'LAST', 'LIKE', 'LIMIT', 'NOT',
  'NULL', 'NULLS', 'OR', 'SELECT', 'WHERE', 'WITH', 'ORDER', 'OFFSET', 'TRUE', 'FALSE', 'USING',
]);

export function parseSoql(text: string): SoqlQuery {
  if (typeof text !== 'string' || text.trim() === '') {
    throw errorAt(String(text ?? ''), 0, 'MALFORMED_QUERY', 'unexpected token: <EOF>. The query is empty; send q=SELECT … FROM …');
  }
  return new Parser(text).query();
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  query(): SoqlQuery {
    this.expectKeyword('SELECT');
    const select = this.selectList();
    this.expectKeyword('FROM');
    const fromToken = this.expectIdent('an object name');
    const from = { name: fromToken.text, at: fromToken.at };
    let alias: string | undefined;
    if (this.peek().kind === 'ident' && !CLAUSE_KEYWORDS.has(this.upper())) alias = this.next().text;
    if (this.isPunct(',')) throw unsupportedAt(this.text, this.peek().at, 'more than one object in FROM');
    this.rejectUnsupportedClause();
    const where = this.acceptKeyword('WHERE') ? this.orExpression() : undefined;
    this.rejectUnsupportedClause();
    const orderBy = this.acceptKeywords('ORDER', 'BY') ? this.orderList() : [];
    this.rejectUnsupportedClause();
    const limit = this.acceptKeyword('LIMIT') ? this.integer('LIMIT').value : undefined;
    let offset: SoqlQuery['offset'];
    if (this.acceptKeyword('OFFSET')) {
      offset = this.integer('OFFSET');
      if (offset.value > MAX_OFFSET) {
        throw errorAt(this.text, offset.at, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
      }
    }
    this.rejectUnsupportedClause();
    const end = this.peek();
    if (end.kind !== 'eof') throw this.unexpected(end);
    const query: SoqlQuery = { text: this.text, select, from, where, orderBy, limit, offset };
    if (alias) stripAlias(query, alias);
    return query;
  }

  private selectList(): SelectItem[] {
    const items: SelectItem[] = [];
    do items.push(this.selectItem());
    while (this.acceptPunct(','));
    return items;
  }

  private selectItem(): SelectItem {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === '(') {
      const inner = this.tokens[this.pos + 1];
      if (inner?.kind === 'ident' && inner.text.toUpperCase() === 'SELECT') {
        throw unsupportedAt(this.text, t.at, 'subqueries (parent-to-child relationship queries)');
      }
      throw this.unexpected(t);
    }
    if (t.kind !== 'ident') throw this.unexpected(t);
    const upper = t.text.toUpperCase();
    if (upper === 'TYPEOF' && this.tokens[this.pos + 1]?.kind === 'ident') throw unsupportedAt(this.text, t.at, 'TYPEOF');
    if (this.tokens[this.pos + 1]?.text === '(') return this.functionItem();
    return { kind: 'field', path: this.fieldPath() };
  }

  private functionItem(): SelectItem {
    const name = this.next();
    const upper = name.text.toUpperCase();
    if (upper !== 'COUNT') throw this.unsupportedFunction(name);
    this.expectPunct('(');
    if (this.acceptPunct(')')) return { kind: 'count', at: name.at };
    const path = this.fieldPath();
    this.expectPunct(')');
    let alias: string | undefined;
    if (this.peek().kind === 'ident' && this.upper() !== 'FROM') alias = this.next().text;
    return { kind: 'count-field', path, alias, at: name.at };
  }

  private unsupportedFunction(name: Token) {
    const upper = name.text.toUpperCase();
    if (AGGREGATES.has(upper)) return unsupportedAt(this.text, name.at, `aggregate function ${upper}() (only COUNT() and COUNT(field) are)`);
    if (upper === 'FIELDS') return unsupportedAt(this.text, name.at, 'FIELDS(ALL | STANDARD | CUSTOM); list the fields');
    return unsupportedAt(this.text, name.at, `function ${name.text}()`);
  }

  private fieldPath(): FieldPath {
    const first = this.expectIdent('a field name');
    const parts = [first.text];
    while (this.acceptPunct('.')) parts.push(this.expectIdent('a field name after the dot').text);
    return { parts, at: first.at };
  }

  private orExpression(): Condition {
    const first = this.term();
    const connector = this.peek().kind === 'ident' ? this.upper() : '';
    if (connector !== 'AND' && connector !== 'OR') return first;
    const items = [first];
    while (this.peek().kind === 'ident' && (this.upper() === 'AND' || this.upper() === 'OR')) {
      const t = this.next();
      if (t.text.toUpperCase() !== connector) {
        throw errorAt(this.text, t.at, 'MALFORMED_QUERY', `unexpected token: '${t.text}' (SOQL needs parentheses to mix AND and OR)`);
      }
      items.push(this.term());
    }
    return connector === 'AND' ? { kind: 'and', items } : { kind: 'or', items };
  }

  private term(): Condition {
    const t = this.peek();
    if (t.kind === 'ident' && t.text.toUpperCase() === 'NOT') {
      this.next();
      return { kind: 'not', item: this.term(), at: t.at };
    }
    if (this.acceptPunct('(')) {
      const inner = this.orExpression();
      this.expectPunct(')');
      return inner;
    }
    if (t.kind === 'ident' && this.tokens[this.pos + 1]?.text === '(') {
      throw unsupportedAt(this.text, t.at, `function ${t.text}() in WHERE`);
    }
    const field = this.fieldPath();
    const opToken = this.peek();
    const op = opToken.text.toUpperCase();
    if (opToken.kind === 'punct' && COMPARISON_OPS.has(op)) {
      this.next();
      return { kind: 'compare', field, op: op === '<>' ? '!=' : (op as '='), value: this.value(), opAt: opToken.at };
    }
    if (opToken.kind === 'ident') {
      if (op === 'LIKE') {
        this.next();
        return { kind: 'compare', field, op: 'LIKE', value: this.value(), opAt: opToken.at };
      }
      if (op === 'IN' || op === 'INCLUDES' || op === 'EXCLUDES') {
        this.next();
        return { kind: 'set', field, op: op as 'IN', values: this.valueList(op), opAt: opToken.at };
      }
      if (op === 'NOT' && this.tokens[this.pos + 1]?.text.toUpperCase() === 'IN') {
        this.pos += 2;
        return { kind: 'set', field, op: 'NOT IN', values: this.valueList('NOT IN'), opAt: opToken.at };
      }
    }
    throw this.unexpected(opToken);
  }

  private valueList(op: string): LiteralValue[] {
    if (this.isPunct(':')) throw unsupportedAt(this.text, this.peek().at, 'bind variables (:name)');
    this.expectPunct('(');
    const t = this.peek();
    if (t.kind === 'ident' && t.text.toUpperCase() === 'SELECT') {
      throw unsupportedAt(this.text, t.at, `semi-joins and anti-joins (${op} (SELECT …))`);
    }
    const values: LiteralValue[] = [];
    do values.push(this.value());
    while (this.acceptPunct(','));
    this.expectPunct(')');
    return values;
  }

  private value(): LiteralValue {
    const t = this.next();
    switch (t.kind) {
      case 'string': return { kind: 'string', value: decodeString(t.text), raw: t.text, at: t.at };
      case 'number': return { kind: 'number', value: Number(t.text), text: t.text, at: t.at };
      case 'date': return { kind: 'date', value: validateDateLiteral(this.text, t), at: t.at };
      case 'datetime': return { kind: 'datetime', epochMs: parseDatetimeLiteral(this.text, t), text: t.text, at: t.at };
      case 'punct': {
        if ((t.text === '-' || t.text === '+') && this.peek().kind === 'number') {
          const num = this.next();
          const value = Number(num.text) * (t.text === '-' ? -1 : 1);
          return { kind: 'number', value, text: t.text + num.text, at: t.at };
        }
        if (t.text === ':') throw unsupportedAt(this.text, t.at, 'bind variables (:name)');
        throw this.unexpected(t);
      }
      case 'ident': return this.wordValue(t);
      default: throw this.unexpected(t);
    }
  }

  private wordValue(t: Token): LiteralValue {
    const upper = t.text.toUpperCase();
    if (upper === 'NULL') return { kind: 'null', at: t.at };
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', at: t.at };
    if (PLAIN_DATE_LITERALS.has(upper)) {
      if (this.isPunct(':')) throw this.unexpected(this.peek());
      return { kind: 'date-literal', name: upper, at: t.at };
    }
    if (N_DATE_LITERALS.has(upper)) {
      if (!this.acceptPunct(':')) {
        throw errorAt(this.text, this.peek().at, 'MALFORMED_QUERY', `unexpected token: '${this.peek().text}'. ${upper} needs a number: ${upper}:7`);
      }
      const n = this.integer(upper);
      return { kind: 'date-literal', name: upper, n: n.value, at: t.at };
    }
    if (isFiscalDateLiteral(upper)) throw unsupportedAt(this.text, t.at, `fiscal date literal ${upper}`);
    throw this.unexpected(t);
  }

  private orderList(): OrderItem[] {
    const items: OrderItem[] = [];
    do {
      const t = this.peek();
      if (t.kind === 'ident' && this.tokens[this.pos + 1]?.text === '(') throw unsupportedAt(this.text, t.at, `function ${t.text}() in ORDER BY`);
      const path = this.fieldPath();
      let direction: OrderItem['direction'] = 'ASC';
      if (this.acceptKeyword('DESC')) direction = 'DESC';
      else this.acceptKeyword('ASC');
      let nulls: OrderItem['nulls'] = direction === 'ASC' ? 'FIRST' : 'LAST';
      if (this.acceptKeyword('NULLS')) {
        if (this.acceptKeyword('FIRST')) nulls = 'FIRST';
        else if (this.acceptKeyword('LAST')) nulls = 'LAST';
        else throw this.unexpected(this.peek());
      }
      items.push({ path, direction, nulls });
    } while (this.acceptPunct(','));
    return items;
  }

  private integer(clause: string): { value: number; at: number } {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === ':') throw unsupportedAt(this.text, t.at, 'bind variables (:name)');
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) {
      throw errorAt(this.text, t.at, 'MALFORMED_QUERY', `unexpected token: '${t.text}'. ${clause} takes a whole number`);
    }
    this.next();
    return { value: Number(t.text), at: t.at };
  }

  private rejectUnsupportedClause(): void {
    const t = this.peek();
    if (t.kind !== 'ident') return;
    const feature = UNSUPPORTED_CLAUSES[t.text.toUpperCase()];
    if (feature) throw unsupportedAt(this.text, t.at, feature);
  }

  // ── token helpers ──────────────────────────────────────────────────────────────────────────────────────────────
  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    const t = this.tokens[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  private upper(): string {
    return this.peek().text.toUpperCase();
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === p;
  }
  private acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.pos++;
    return true;
  }
  private expectPunct(p: string): void {
    if (!this.acceptPunct(p)) throw this.unexpected(this.peek());
  }
  private acceptKeyword(word: string): boolean {
    const t = this.peek();
    if (t.kind !== 'ident' || t.text.toUpperCase() !== word) return false;
    this.pos++;
    return true;
  }
  private acceptKeywords(first: string, second: string): boolean {
    const t2 = this.tokens[this.pos + 1];
    if (!this.acceptKeyword(first)) return false;
    if (t2?.kind !== 'ident' || t2.text.toUpperCase() !== second) throw this.unexpected(t2 ?? this.peek());
    this.pos++;
    return true;
  }
  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) throw this.unexpected(this.peek());
  }
  private expectIdent(what: string): Token {
    const t = this.peek();
    if (t.kind !== 'ident' || RESERVED.has(t.text.toUpperCase())) {
      throw errorAt(this.text, t.at, 'MALFORMED_QUERY', `${unexpectedText(t)} (expected ${what})`);
    }
    return this.next();
  }
  private unexpected(t: Token) {
    return errorAt(this.text, t.at, 'MALFORMED_QUERY', unexpectedText(t));
  }
}

function unexpectedText(t: Token): string {
  if (t.kind === 'eof') return 'unexpected token: <EOF>';
  if (t.kind === 'string') return `unexpected token: '${t.text}'`;
  return `unexpected token: '${t.text}'`;
}

/** `SELECT c.Name FROM Contact c` → paths without the alias, as Salesforce resolves them. */
function stripAlias(query: SoqlQuery, alias: string): void {
  const a = alias.toLowerCase();
  const strip = (p: FieldPath) => {
    if (p.parts.length > 1 && p.parts[0].toLowerCase() === a) {
      p.parts = p.parts.slice(1);
    }
  };
  for (const item of query.select) if (item.kind !== 'count') strip(item.path);
  for (const item of query.orderBy) strip(item.path);
  const walk = (c: Condition | undefined): void => {
    if (!c) return;
    if (c.kind === 'and' || c.kind === 'or') c.items.forEach(walk);
    else if (c.kind === 'not') walk(c.item);
    else strip(c.field);
  };
  walk(query.where);
}
