/**
 * @module
 * State expectations on either side (exchange.contact / exchange.event / salesforce.contact / salesforce.event):
 * select items by ref, shorthand (email, subject), `where` and folder/calendar, then check existence, absence,
 * count, or field values with the matchers of match.ts.
 */
import type { ExpectArgs } from '../schema.ts';
import type { SideItem } from '../env/types.ts';
import type { RunContext } from '../run/context.ts';
import { exchangeItems, fieldsMatch, findExchangeItem, findSalesforceRecord } from '../run/refs.ts';
import { describeCount, matchCount, matchFields, same, type FieldMismatch } from './match.ts';
import { fail, pass, type Outcome } from './outcome.ts';

type StateArgs = ExpectArgs<'exchange.contact'> | ExpectArgs<'exchange.event'> | ExpectArgs<'salesforce.contact'> | ExpectArgs<'salesforce.event'>;
type Obj = 'Contact' | 'Event';

export async function checkExchange(ctx: RunContext, object: Obj, a: ExpectArgs<'exchange.contact'> & ExpectArgs<'exchange.event'>): Promise<Outcome> {
  let items: SideItem[];
  if (a.ref) {
    const found = await findExchangeItem(ctx, a.mailbox, object, a.ref);
    items = found ? [found.item] : [];
  } else items = await exchangeItems(ctx, a.mailbox, object);
  const where: Record<string, unknown> = { ...(a.where ?? {}) };
  if (a.email) where.EmailAddress1 = a.email;
  if (a.subject) where.Subject = a.subject;
  items = items.filter((i) => fieldsMatch(i, where as Record<string, string>));
  const container = a.folder ?? a.calendar;
  if (container) items = items.filter((i) => (i.folder ?? '').toLowerCase() === container.toLowerCase());
  return judge(items, a, `${object === 'Contact' ? 'contact' : 'event'} in ${a.mailbox}${container ? `/${container}` : ''}`);
}

export async function checkSalesforce(ctx: RunContext, object: Obj, a: ExpectArgs<'salesforce.contact'> & ExpectArgs<'salesforce.event'>): Promise<Outcome> {
  let items: SideItem[];
  if (a.ref) {
    const found = await findSalesforceRecord(ctx, a.org, object, a.ref);
    items = found ? [found] : [];
  } else items = await ctx.env.salesforce.records(a.org, object);
  const where: Record<string, unknown> = { ...(a.where ?? {}) };
  if (a.email) where.Email = a.email;
  if (a.subject) where.Subject = a.subject;
  items = items.filter((i) => fieldsMatch(i, where as Record<string, string>));
  return judge(items, a, `${object} in org ${a.org}`);
}

function judge(items: SideItem[], a: StateArgs, what: string): Outcome {
  const selection = describeSelection(a);
  if (a.absent) {
    return items.length === 0 ? pass() : fail(`expected no ${what} matching ${selection}, found ${items.length}`, { absent: true }, items.map(summary));
  }
  if (a.count !== undefined && !matchCount(items.length, a.count)) {
    return fail(`expected ${describeCount(a.count)} ${what} matching ${selection}, found ${items.length}`, { count: a.count }, items.map(summary));
  }
  if (items.length === 0) {
    return a.count !== undefined && matchCount(0, a.count) ? pass() : fail(`no ${what} matches ${selection}`, a.fields ?? { exists: true }, []);
  }
  if (!a.fields) return pass(a.count !== undefined ? { count: items.length } : undefined);
  let best: { item: SideItem; mismatches: FieldMismatch[] } | undefined;
  for (const item of items) {
    const mismatches = matchFields(item.fields, a.fields);
    if (mismatches.length === 0) return pass(pick(item, Object.keys(a.fields)));
    if (!best || mismatches.length < best.mismatches.length) best = { item, mismatches };
  }
  const m = best!.mismatches;
  return fail(
    `${what} "${best!.item.label}": ${m.map((x) => `${x.field} is ${JSON.stringify(x.actual)}`).join(', ')}`,
    Object.fromEntries(m.map((x) => [x.field, x.expected])),
    Object.fromEntries(m.map((x) => [x.field, x.actual])),
  );
}

function describeSelection(a: StateArgs): string {
  const parts: string[] = [];
  if (a.ref) parts.push(`ref ${a.ref}`);
  if ('email' in a && a.email) parts.push(`email ${a.email}`);
  if ('subject' in a && a.subject) parts.push(`subject "${a.subject}"`);
  if (a.where) parts.push(JSON.stringify(a.where));
  return parts.join(', ') || 'anything';
}

function summary(item: SideItem): string {
  return item.label;
}

function pick(item: SideItem, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const key = Object.keys(item.fields).find((k) => k.toLowerCase() === f.toLowerCase());
    out[f] = key === undefined ? null : item.fields[key];
  }
  return out;
}

export { same };
