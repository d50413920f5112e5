/**
 * @module
 * Recursive-descent SOQL parser: text → SoqlQuery. Clauses in Salesforce's order:
 *
 *   query  := SELECT item (',' item)* FROM object [alias] [WHERE condition] [ORDER BY order (',' order)*]
 *             [LIMIT int] [OFFSET int] EOF
 *   item   := COUNT '(' [path] ')' [alias] | path
 *   order  := path [ASC|DESC] [NULLS FIRST|LAST]
 *
 * The WHERE grammar is in parse-where.ts. Valid SOQL outside this subset (GROUP BY, subqueries, TYPEOF, WITH,
 * FOR UPDATE, semi-joins, bind variables, aggregate and date functions, fiscal literals) fails with a MALFORMED_QUERY
 * that says "not supported by synclab's Salesforce sim: …", at the position of the feature.
 */
import type { Condition, FieldPath, OrderItem, SelectItem, SoqlQuery } from './ast.ts';
import { errorAt, unsupportedAt } from './errors.ts';
import { MAX_OFFSET, MAX_QUERY_LENGTH } from './limits.ts';
import { parseCondition } from './parse-where.ts';
import { TokenStream } from './token-stream.ts';

/** Clause keywords that end a FROM (an identifier after the object is an alias only if it is none of these). */
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

export function parseSoql(text: string): SoqlQuery {
  if (typeof text !== 'string' || text.trim() === '') {
    throw errorAt(String(text ?? ''), 0, 'MALFORMED_QUERY', 'unexpected token: <EOF>. The query is empty; send q=SELECT … FROM …');
  }
  if (text.length > MAX_QUERY_LENGTH) {
    throw errorAt(
      text.slice(0, 200), 0, 'MALFORMED_QUERY',
      `SOQL statements cannot be longer than ${MAX_QUERY_LENGTH.toLocaleString('en-US')} characters (this one has ` +
        `${text.length.toLocaleString('en-US')}); split long IN lists across several queries`,
    );
  }
  const s = new TokenStream(text);
  s.expectKeyword('SELECT');
  const select = selectList(s);
  s.expectKeyword('FROM');
  const fromToken = s.expectIdent('an object name');
  const from = { name: fromToken.text, at: fromToken.at };
  let alias: string | undefined;
  if (s.peek().kind === 'ident' && !CLAUSE_KEYWORDS.has(s.upper())) alias = s.next().text;
  if (s.isPunct(',')) throw unsupportedAt(text, s.peek().at, 'more than one object in FROM');
  rejectUnsupportedClause(s);
  const where = s.acceptKeyword('WHERE') ? parseCondition(s) : undefined;
  rejectUnsupportedClause(s);
  const orderBy = s.acceptKeywords('ORDER', 'BY') ? orderList(s) : [];
  rejectUnsupportedClause(s);
  const limit = s.acceptKeyword('LIMIT') ? s.integer('LIMIT').value : undefined;
  let offset: SoqlQuery['offset'];
  if (s.acceptKeyword('OFFSET')) {
    offset = s.integer('OFFSET');
    if (offset.value > MAX_OFFSET) {
      throw errorAt(text, offset.at, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
    }
  }
  rejectUnsupportedClause(s);
  if (s.peek().kind !== 'eof') throw s.unexpected(s.peek());
  const query: SoqlQuery = { text, select, from, where, orderBy, limit, offset };
  if (alias) stripAlias(query, alias);
  return query;
}

function selectList(s: TokenStream): SelectItem[] {
  const items: SelectItem[] = [];
  do items.push(selectItem(s));
  while (s.acceptPunct(','));
  return items;
}

function selectItem(s: TokenStream): SelectItem {
  const t = s.peek();
  if (t.kind === 'punct' && t.text === '(') {
    if (s.isKeyword('SELECT', 1)) throw unsupportedAt(s.text, t.at, 'subqueries (parent-to-child relationship queries)');
    throw s.unexpected(t);
  }
  if (t.kind !== 'ident') throw s.unexpected(t);
  if (t.text.toUpperCase() === 'TYPEOF' && s.peekAt(1).kind === 'ident') throw unsupportedAt(s.text, t.at, 'TYPEOF');
  if (s.peekAt(1).text === '(') return functionItem(s);
  return { kind: 'field', path: s.fieldPath() };
}

function functionItem(s: TokenStream): SelectItem {
  const name = s.next();
  const upper = name.text.toUpperCase();
  if (upper !== 'COUNT') {
    if (AGGREGATES.has(upper)) throw unsupportedAt(s.text, name.at, `aggregate function ${upper}() (only COUNT() and COUNT(field) are)`);
    if (upper === 'FIELDS') throw unsupportedAt(s.text, name.at, 'FIELDS(ALL | STANDARD | CUSTOM); list the fields');
    throw unsupportedAt(s.text, name.at, `function ${name.text}()`);
  }
  s.expectPunct('(');
  if (s.acceptPunct(')')) return { kind: 'count', at: name.at };
  const path = s.fieldPath();
  s.expectPunct(')');
  let alias: string | undefined;
  if (s.peek().kind === 'ident' && !s.isKeyword('FROM')) alias = s.next().text;
  return { kind: 'count-field', path, alias, at: name.at };
}

function orderList(s: TokenStream): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const t = s.peek();
    if (t.kind === 'ident' && s.peekAt(1).text === '(') throw unsupportedAt(s.text, t.at, `function ${t.text}() in ORDER BY`);
    const path = s.fieldPath();
    let direction: OrderItem['direction'] = 'ASC';
    if (s.acceptKeyword('DESC')) direction = 'DESC';
    else s.acceptKeyword('ASC');
    let nulls: OrderItem['nulls'] = direction === 'ASC' ? 'FIRST' : 'LAST';
    if (s.acceptKeyword('NULLS')) {
      if (s.acceptKeyword('FIRST')) nulls = 'FIRST';
      else if (s.acceptKeyword('LAST')) nulls = 'LAST';
      else throw s.unexpected(s.peek());
    }
    items.push({ path, direction, nulls });
  } while (s.acceptPunct(','));
  return items;
}

function rejectUnsupportedClause(s: TokenStream): void {
  const t = s.peek();
  if (t.kind !== 'ident') return;
  const feature = UNSUPPORTED_CLAUSES[t.text.toUpperCase()];
  if (feature) throw unsupportedAt(s.text, t.at, feature);
}

/** `SELECT c.Name FROM Contact c` → paths without the alias, as Salesforce resolves them. */
function stripAlias(query: SoqlQuery, alias: string): void {
  const a = alias.toLowerCase();
  const strip = (p: FieldPath) => {
    if (p.parts.length > 1 && p.parts[0].toLowerCase() === a) p.parts = p.parts.slice(1);
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
