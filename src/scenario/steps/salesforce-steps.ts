/**
 * @module
 * Rep actions in an org, performed AS the named user (sharing, permissions and validation apply): create, update,
 * delete a Contact or Event. Field names are sObject field names (Description, StartDateTime, …).
 */
import type { StepArgs } from '../schema.ts';
import type { RunContext } from '../run/context.ts';
import { findSalesforceRecord, type Selector } from '../run/refs.ts';

type Target = { item?: Selector; contact?: Selector; event?: Selector; org: string };

async function target(ctx: RunContext, a: Target) {
  const object: 'Contact' | 'Event' | undefined = a.contact !== undefined ? 'Contact' : a.event !== undefined ? 'Event' : undefined;
  const selector = (a.contact ?? a.event ?? a.item)!;
  for (const o of object ? [object] : (['Contact', 'Event'] as const)) {
    const record = await findSalesforceRecord(ctx, a.org, o, selector);
    if (record) return { record, object: o };
  }
  throw new Error(`no ${object ?? 'record'} ${JSON.stringify(selector)} in org ${a.org} — it may have been deleted or never synced there`);
}

export const salesforceSteps = {
  async 'salesforce.create'(ctx: RunContext, a: StepArgs<'salesforce.create'>) {
    const object = a.contact ? 'Contact' : 'Event';
    const record = await ctx.env.salesforce.create(a.org, a.as, object, (a.contact ?? a.event)!);
    if (a.ref) ctx.createdRefs.set(a.ref, { side: 'salesforce', scope: a.org, object, key: record.id });
  },
  async 'salesforce.update'(ctx: RunContext, a: StepArgs<'salesforce.update'>) {
    const { record, object } = await target(ctx, a);
    await ctx.env.salesforce.update(a.org, a.as, object, record.id, a.set);
  },
  async 'salesforce.delete'(ctx: RunContext, a: StepArgs<'salesforce.delete'>) {
    const { record, object } = await target(ctx, a);
    await ctx.env.salesforce.remove(a.org, a.as, object, record.id);
  },
};
