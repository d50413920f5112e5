/**
 * @module
 * Runs a SOQL query over a SoqlDataSource in one pass. Everything that can fail on the query itself (unknown object
 * or field, wrong literal type, bad operator) fails before the first row is read. Without ORDER BY, LIMIT stops the
 * scan as soon as enough rows matched; with ORDER BY and LIMIT only the best OFFSET+LIMIT rows are kept.
 */
import { errorAt } from './errors.ts';
import { parseSoql } from './parser.ts';
import { compileCondition, type Predicate } from './predicate.ts';
import { buildProjector } from './project.ts';
import { createRunContext, resolveField, type ResolvedField, type RunContext } from './resolve.ts';
import { createSortCollector, type SortKey } from './sort.ts';
import { indexedRows } from './indexed-rows.ts';
import { isKnownTimeZone } from '#time/zone.ts';
import type { ObjectSchema, RunSoqlOptions, SoqlDataSource, SoqlQuery, SoqlResult } from './types.ts';

type Row = Record<string, unknown>;

export function runSoql(text: string | SoqlQuery, source: SoqlDataSource, options: RunSoqlOptions): SoqlResult {
  checkOptions(options);
  const query = typeof text === 'string' ? parseSoql(text) : text;
  const schema = source.schema(query.from.name);
  if (!schema) {
    throw errorAt(
      query.text, query.from.at, 'INVALID_TYPE',
      `sObject type '${query.from.name}' is not supported. If you are attempting to use a custom object, be sure to ` +
        `append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const ctx = createRunContext(query.text, source);
  const countAll = checkSelectShape(query);
  const selected = query.select.flatMap((item) => (item.kind === 'count' ? [] : [resolveField(item.path, schema, ctx)]));
  const matches: Predicate = query.where
    ? compileCondition(query.where, schema, ctx, { now: options.now, timeZone: options.timeZone })
    : () => true;
  const sortKeys = resolveOrderBy(query, schema, ctx);
  const rows = indexedRows(query, schema, source, options.includeDeleted) ?? source.rows(schema.name, { includeDeleted: options.includeDeleted });

  if (countAll) return { totalSize: countMatches(rows, matches, query), records: [] };
  if (query.select.some((item) => item.kind === 'count-field')) return aggregate(query, selected, rows, matches);

  const picked = sortKeys.length > 0 ? pickSorted(rows, matches, sortKeys, query) : pickInOrder(rows, matches, query);
  const project = buildProjector(selected, ctx, options.apiVersion);
  const records = picked.map((row) => project(row, schema.name));
  return { totalSize: records.length, records };
}

/** True for COUNT(). Rejects COUNT() beside other items and plain fields beside COUNT(field) (no GROUP BY here). */
function checkSelectShape(query: SoqlQuery): boolean {
  const count = query.select.find((i) => i.kind === 'count');
  if (count && query.select.length > 1) {
    throw errorAt(query.text, count.at, 'MALFORMED_QUERY', 'COUNT() must be the only element in the SELECT list');
  }
  const hasAggregate = query.select.some((i) => i.kind === 'count-field');
  const plain = query.select.find((i) => i.kind === 'field');
  if (hasAggregate && plain && plain.kind === 'field') {
    throw errorAt(query.text, plain.path.at, 'MALFORMED_QUERY', `Field must be grouped or aggregated: ${plain.path.parts.join('.')}`);
  }
  return count !== undefined;
}

function resolveOrderBy(query: SoqlQuery, schema: ObjectSchema, ctx: RunContext): SortKey[] {
  return query.orderBy.map((order) => {
    const field = resolveField(order.path, schema, ctx);
    if (field.leaf.sortable === false || field.leaf.type === 'multipicklist') {
      throw errorAt(ctx.text, order.path.at, 'INVALID_FIELD', `field '${field.leaf.name}' can not be sorted in a query call`);
    }
    return { field, order };
  });
}

function countMatches(rows: Iterable<Row>, matches: Predicate, query: SoqlQuery): number {
  const cap = query.limit === undefined ? Infinity : (query.offset?.value ?? 0) + query.limit;
  let n = 0;
  for (const row of rows) {
    if (matches(row) && ++n >= cap) break;
  }
  return Math.max(0, n - (query.offset?.value ?? 0));
}

function aggregate(query: SoqlQuery, selected: ResolvedField[], rows: Iterable<Row>, matches: Predicate): SoqlResult {
  const counts = selected.map(() => 0);
  for (const row of rows) {
    if (!matches(row)) continue;
    for (let i = 0; i < selected.length; i++) {
      const v = selected[i].read(row);
      if (v !== null && v !== undefined && v !== '') counts[i]++;
    }
  }
  const record: Row = { attributes: { type: 'AggregateResult' } };
  let expr = 0;
  query.select.forEach((item, i) => {
    if (item.kind === 'count-field') record[item.alias ?? `expr${expr++}`] = counts[i];
  });
  return { totalSize: 1, records: [record] };
}

function pickInOrder(rows: Iterable<Row>, matches: Predicate, query: SoqlQuery): Row[] {
  let skip = query.offset?.value ?? 0;
  const limit = query.limit ?? Infinity;
  const out: Row[] = [];
  if (limit === 0) return out;
  for (const row of rows) {
    if (!matches(row)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    out.push(row);
    if (out.length >= limit) break;
  }
  return out;
}

function pickSorted(rows: Iterable<Row>, matches: Predicate, sortKeys: SortKey[], query: SoqlQuery): Row[] {
  const offset = query.offset?.value ?? 0;
  const keep = query.limit === undefined ? undefined : offset + query.limit;
  const collector = createSortCollector(sortKeys, keep);
  for (const row of rows) if (matches(row)) collector.add(row);
  const sorted = collector.sorted();
  return offset === 0 && keep === undefined ? sorted : sorted.slice(offset, keep);
}

function checkOptions(options: RunSoqlOptions): void {
  if (!options || !Number.isFinite(options.now)) {
    throw new TypeError('runSoql: options.now must be the scenario time in epoch milliseconds (clock.now())');
  }
  if (typeof options.apiVersion !== 'string' || !/^v?\d+\.\d$/.test(options.apiVersion)) {
    throw new TypeError(`runSoql: options.apiVersion must look like '62.0' (got ${String(options.apiVersion)})`);
  }
  if (!isKnownTimeZone(options.timeZone)) {
    throw new RangeError(
      `runSoql: timeZone '${options.timeZone}' is not an IANA time zone name; pass the user's TimeZoneSidKey, e.g. 'America/Los_Angeles'`,
    );
  }
}
