/**
 * @module
 * Resolves item selectors across sides. A ref names an item on the side where it was defined; asked for on the
 * other side it resolves to the item's *partner*: first by the engine's stamp (the Exchange item's
 * SalesforceRecordId), then by the product's own matching keys — subject + start for events (EVT-08), email, else
 * first + last name for contacts (CON-04).
 */
import { lookup, same } from '../expect/match.ts';
import type { SideItem } from '../env/types.ts';
import type { RunContext } from './context.ts';

export type Selector = string | Record<string, string | number | boolean | null>;
type Obj = 'Contact' | 'Event';

export async function exchangeItems(ctx: RunContext, mailbox: string, object: Obj): Promise<SideItem[]> {
  return object === 'Contact' ? ctx.env.exchange.contacts(mailbox) : ctx.env.exchange.events(mailbox);
}

/** The Exchange item a selector names in `mailbox`, or undefined. */
export async function findExchangeItem(ctx: RunContext, mailbox: string, object: Obj | undefined, selector: Selector): Promise<{ item: SideItem; object: Obj } | undefined> {
  const objects: Obj[] = object ? [object] : ['Contact', 'Event'];
  for (const o of objects) {
    const items = await exchangeItems(ctx, mailbox, o);
    const hit = typeof selector === 'string' ? await byRefOnExchange(ctx, mailbox, o, items, selector) : items.find((i) => fieldsMatch(i, selector));
    if (hit) return { item: hit, object: o };
  }
  return undefined;
}

async function byRefOnExchange(ctx: RunContext, mailbox: string, object: Obj, items: SideItem[], ref: string): Promise<SideItem | undefined> {
  const own = items.find((i) => i.ref === ref) ?? items.find((i) => i.key === ctx.createdRefs.get(ref)?.key);
  if (own) return own;
  // A Salesforce ref: find its partner in this mailbox.
  const sf = await findSalesforceByRefAnywhere(ctx, ref, object);
  if (!sf) return undefined;
  return items.find((i) => i.partnerId && same(i.partnerId.slice(0, 15), sf.id.slice(0, 15))) ?? items.find((i) => partnerKeysMatch(object, i, sf, 'exchange'));
}

async function findSalesforceByRefAnywhere(ctx: RunContext, ref: string, object: Obj): Promise<SideItem | undefined> {
  for (const org of ctx.scenario.world.salesforce.orgs) {
    const id = ctx.env.salesforce.idOfRef(org.id, ref) ?? (ctx.createdRefs.get(ref)?.scope === org.id ? ctx.createdRefs.get(ref)!.key : undefined);
    if (!id) continue;
    const hit = (await ctx.env.salesforce.records(org.id, object)).find((r) => r.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/** The Salesforce record a selector names in `org`, or undefined. */
export async function findSalesforceRecord(ctx: RunContext, org: string, object: Obj, selector: Selector): Promise<SideItem | undefined> {
  const records = await ctx.env.salesforce.records(org, object);
  if (typeof selector !== 'string') return records.find((r) => fieldsMatch(r, selector));
  const id = ctx.env.salesforce.idOfRef(org, selector) ?? (ctx.createdRefs.get(selector)?.scope === org ? ctx.createdRefs.get(selector)!.key : undefined);
  if (id) return records.find((r) => r.id === id);
  // An Exchange ref: its partner in this org.
  const ex = await exchangeByRefAnywhere(ctx, selector, object);
  if (!ex) return undefined;
  if (ex.partnerId) {
    const stamped = records.find((r) => r.id.slice(0, 15) === ex.partnerId!.slice(0, 15));
    if (stamped) return stamped;
  }
  return records.find((r) => partnerKeysMatch(object, ex, r, 'salesforce'));
}

async function exchangeByRefAnywhere(ctx: RunContext, ref: string, object: Obj): Promise<SideItem | undefined> {
  const created = ctx.createdRefs.get(ref);
  const found = await ctx.env.exchange.itemByRef(ref);
  if (found && found.object === object) return found.item;
  if (created?.side === 'exchange') return (await exchangeItems(ctx, created.scope, object)).find((i) => i.key === created.key);
  return undefined;
}

/** Does `candidate` (on `side`) carry the matching keys of `source` (on the other side)? */
function partnerKeysMatch(object: Obj, a: SideItem, b: SideItem, side: 'exchange' | 'salesforce'): boolean {
  const [ex, sf] = side === 'exchange' ? [a, b] : [b, a];
  if (object === 'Event') {
    return same(lookup(ex.fields, 'Subject'), lookup(sf.fields, 'Subject')) && same(lookup(ex.fields, 'Start'), lookup(sf.fields, 'StartDateTime'));
  }
  const exEmail = lookup(ex.fields, 'EmailAddress1');
  const sfEmail = lookup(sf.fields, 'Email');
  if (exEmail && sfEmail) return String(exEmail).toLowerCase() === String(sfEmail).toLowerCase();
  return same(lookup(ex.fields, 'GivenName'), lookup(sf.fields, 'FirstName')) && same(lookup(ex.fields, 'Surname'), lookup(sf.fields, 'LastName'));
}

export function fieldsMatch(item: SideItem, where: Record<string, unknown>): boolean {
  return Object.entries(where).every(([field, value]) => same(lookup(item.fields, field), value));
}
