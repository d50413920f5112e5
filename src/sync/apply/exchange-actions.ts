/**
 * @module
 * Runs the planner's Exchange writes for one rep in batches and commits pairing state per batch in the G-05 order:
 * intents flushed → server write → pairings flushed (+ intents resolved). An EX create carries the SF record id as an
 * extended property, so a create whose pairing was lost in a crash is found again by that stamp.
 */
import type { EngineAction } from '../model.ts';
import type { ItemResult } from '../exchange/mailbox-writes.ts';
import { commitEventDeletes, intentId, syncedOf, type ApplyContext, type ApplyResult } from './apply-context.ts';

type Of<T extends EngineAction['type']> = Extract<EngineAction, { type: T }>;

export async function createExContacts(ctx: ApplyContext, actions: Of<'create-ex-contact'>[], out: ApplyResult): Promise<void> {
  if (actions.length === 0) return;
  const folderId = ctx.exchange.syncFolderId;
  if (!folderId) {
    for (const a of actions) out.failures.push({ object: 'Contact', direction: 'salesforce-to-exchange', sfId: a.sfId, code: 'ErrorFolderNotFound', message: 'Salesforce_Sync folder is missing and could not be created (CON-01)', rule: a.rule });
    return;
  }
  await createWith(ctx, 'Contact', actions, (batch) => ctx.exchange.writer.createContacts(folderId, batch.map((a) => ({ fields: a.fields, stamp: a.stamp }))), out);
}

export async function createExEvents(ctx: ApplyContext, actions: Of<'create-ex-event'>[], out: ApplyResult): Promise<void> {
  if (actions.length === 0) return;
  await createWith(ctx, 'Event', actions, (batch) => ctx.exchange.writer.createEvents(batch.map((a) => ({ event: a.event, stamp: a.stamp }))), out);
}

async function createWith<A extends Of<'create-ex-contact'> | Of<'create-ex-event'>>(
  ctx: ApplyContext,
  object: 'Contact' | 'Event',
  actions: A[],
  send: (batch: A[]) => Promise<ItemResult[]>,
  out: ApplyResult,
): Promise<void> {
  const intents = actions.map((a) => ({ id: intentId(ctx.now()), object, side: 'exchange' as const, sfId: a.sfId, at: ctx.now() }));
  ctx.store.addIntents(intents);
  await ctx.store.flush();
  await ctx.onWritePoint?.({ phase: 'intent-recorded', side: 'exchange', operation: `create-ex-${object.toLowerCase()}`, rep: ctx.rep.email, items: actions.length });
  const results = await send(actions);
  await ctx.onWritePoint?.({ phase: 'server-written', side: 'exchange', operation: `create-ex-${object.toLowerCase()}`, rep: ctx.rep.email, items: actions.length });
  results.forEach((result, i) => {
    const action = actions[i]!;
    if (result.ok) {
      out.written.exchange++;
      ctx.store.upsertPairing({
        object, sfId: action.sfId, exId: result.itemId, exChangeKey: result.changeKey,
        sfModstamp: ctx.versions.sfModstamps.get(action.sfId) ?? '', pairedAt: ctx.now(), ...syncedOf(action),
      });
      logSync(ctx, object);
    } else {
      out.failures.push({ object, direction: 'salesforce-to-exchange', sfId: action.sfId, code: result.code, message: result.message, rule: action.rule });
    }
  });
  // A failed create left nothing on the server: its intent is done too.
  ctx.store.resolveIntents(intents.map((i) => i.id));
  await ctx.store.flush();
  await ctx.onWritePoint?.({ phase: 'state-committed', side: 'exchange', operation: `create-ex-${object.toLowerCase()}`, rep: ctx.rep.email, items: actions.length });
}

export async function updateExItems(
  ctx: ApplyContext,
  actions: Array<Of<'update-ex-contact'> | Of<'update-ex-event'>>,
  out: ApplyResult,
): Promise<void> {
  if (actions.length === 0) return;
  const contacts = actions.filter((a): a is Of<'update-ex-contact'> => a.type === 'update-ex-contact');
  const events = actions.filter((a): a is Of<'update-ex-event'> => a.type === 'update-ex-event');
  const run = async (object: 'Contact' | 'Event', list: typeof actions, send: () => Promise<ItemResult[]>) => {
    if (list.length === 0) return;
    const results = await send();
    await ctx.onWritePoint?.({ phase: 'server-written', side: 'exchange', operation: `update-ex-${object.toLowerCase()}`, rep: ctx.rep.email, items: list.length });
    results.forEach((result, i) => {
      const action = list[i]!;
      if (!result.ok) {
        out.failures.push({ object, direction: 'salesforce-to-exchange', sfId: action.sfId, exId: action.exId, code: result.code, message: result.message, rule: action.rule });
        return;
      }
      out.written.exchange++;
      const pairing = ctx.store.findBySf(object, action.sfId);
      ctx.store.upsertPairing({
        object, sfId: action.sfId, exId: result.itemId, exChangeKey: result.changeKey,
        sfModstamp: ctx.versions.sfModstamps.get(action.sfId) ?? pairing?.sfModstamp ?? '',
        pairedAt: pairing?.pairedAt ?? ctx.now(),
        ...(pairing?.drift ? { drift: pairing.drift } : {}),
        ...(action.synced ? syncedOf(action) : { syncedHash: pairing?.syncedHash ?? '', synced: pairing?.synced ?? {} }),
      });
      logSync(ctx, object);
    });
    await ctx.store.flush();
  };
  await run('Contact', contacts, () => ctx.exchange.writer.updateContacts(contacts.map((a) => ({ exId: a.exId, set: a.set }))));
  await run('Event', events, () => ctx.exchange.writer.updateEvents(events.map((a) => ({ exId: a.exId, set: a.set }))));
}

export async function deleteExEvents(ctx: ApplyContext, actions: Of<'delete-ex-event'>[], out: ApplyResult): Promise<void> {
  if (actions.length === 0) return;
  const results = await ctx.exchange.writer.deleteItems(actions.map((a) => a.exId));
  await commitEventDeletes(ctx, 'exchange', actions, results, out);
}

export function logSync(ctx: ApplyContext, object: 'Contact' | 'Event'): void {
  ctx.store.logSync(ctx.now(), object);
}
