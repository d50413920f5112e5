/**
 * @module
 * Rep actions in a mailbox: create, update, delete, move, mark private (EVT-02), log to Salesforce (CFG-04); and the
 * tenant admin's Exchange changes (`exchange.admin`: consent, mailboxes, service account, tenant).
 * Updates use the scenario's camelCase item fields (subject, body, givenName…), as in the world.
 */
import type { StepArgs } from '../schema.ts';
import type { RunContext } from '../run/context.ts';
import { findExchangeItem, type Selector } from '../run/refs.ts';

async function target(ctx: RunContext, mailbox: string, item: Selector) {
  const found = await findExchangeItem(ctx, mailbox, undefined, item);
  if (!found) throw new Error(`no item ${JSON.stringify(item)} in mailbox ${mailbox} — it may have been deleted or never synced there`);
  return found;
}

export const exchangeSteps = {
  async 'exchange.create'(ctx: RunContext, a: StepArgs<'exchange.create'>) {
    const object = a.contact ? 'Contact' : 'Event';
    const spec = (a.contact ?? a.event) as Record<string, unknown>;
    const item = await ctx.env.exchange.create(a.mailbox, object, spec);
    if (typeof spec.ref === 'string') ctx.createdRefs.set(spec.ref, { side: 'exchange', scope: a.mailbox, object, key: item.key });
  },
  async 'exchange.update'(ctx: RunContext, a: StepArgs<'exchange.update'>) {
    const { item } = await target(ctx, a.mailbox, a.item);
    await ctx.env.exchange.update(a.mailbox, item.key, a.set);
  },
  async 'exchange.delete'(ctx: RunContext, a: StepArgs<'exchange.delete'>) {
    const { item } = await target(ctx, a.mailbox, a.item);
    await ctx.env.exchange.remove(a.mailbox, item.key);
  },
  async 'exchange.move'(ctx: RunContext, a: StepArgs<'exchange.move'>) {
    const { item } = await target(ctx, a.mailbox, a.item);
    await ctx.env.exchange.move(a.mailbox, item.key, a.to);
  },
  async 'exchange.mark-private'(ctx: RunContext, a: StepArgs<'exchange.mark-private'>) {
    const { item } = await target(ctx, a.mailbox, a.item);
    await ctx.env.exchange.update(a.mailbox, item.key, { sensitivity: 'Private' });
  },
  /** Directory and consent changes, as the sim's JSON admin actions (sim/exchange/actions/admin-actions.ts). */
  async 'exchange.admin'(ctx: RunContext, a: StepArgs<'exchange.admin'>) {
    const [type, value] = Object.entries(a)[0] as [string, unknown];
    const action =
      type === 'addMailbox' ? { type, mailbox: value }
      : type === 'removeMailbox' ? { type, mailbox: value }
      : type === 'updateTenant' ? { type, set: value }
      : { type, ...(value as Record<string, unknown>) };
    await ctx.env.exchange.admin(action);
  },
  async 'exchange.log-to-salesforce'(ctx: RunContext, a: StepArgs<'exchange.log-to-salesforce'>) {
    const { item } = await target(ctx, a.mailbox, a.item);
    await ctx.env.exchange.update(a.mailbox, item.key, { loggedToSalesforce: true });
  },
};
