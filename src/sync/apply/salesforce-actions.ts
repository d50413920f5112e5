/**
 * @module
 * Runs the planner's Salesforce writes for one rep through sObject Collections and commits pairing state per batch in
 * the G-05 order (intents → server write → pairings). An SF create cannot carry the EX item id, so a leftover intent
 * after a crash makes the next cycle read both sides in full and pair by matching (CON-04, EVT-08) instead of
 * creating again.
 */
import type { EngineAction } from '../model.ts';
import { createRecords, deleteRecords, updateRecords, type RecordResult } from '../salesforce/record-writes.ts';
import { commitEventDeletes, intentId, syncedOf, type ApplyContext, type ApplyResult } from './apply-context.ts';
import { logSync } from './exchange-actions.ts';

type Of<T extends EngineAction['type']> = Extract<EngineAction, { type: T }>;

/** EventRelation links up to 50 contacts or one lead to an event (SIM-SF-04, EVT-09). */
const MAX_RELATIONS = 50;

export async function createSfRecords(
  ctx: ApplyContext,
  object: 'Contact' | 'Event',
  actions: Array<Of<'create-sf-contact'> | Of<'create-sf-event'>>,
  out: ApplyResult,
): Promise<void> {
  if (actions.length === 0) return;
  const intents = actions.map((a) => ({ id: intentId(ctx.now()), object, side: 'salesforce' as const, exId: a.exId, at: ctx.now() }));
  ctx.store.addIntents(intents);
  await ctx.store.flush();
  const op = `create-sf-${object.toLowerCase()}`;
  await ctx.onWritePoint?.({ phase: 'intent-recorded', side: 'salesforce', operation: op, rep: ctx.rep.email, items: actions.length });
  const records = actions.map((a) => {
    const record: Record<string, unknown> = { OwnerId: ctx.rep.userId, ...a.record };
    const who = a.type === 'create-sf-event' ? a.relateTo?.whoIds : undefined;
    if (who?.length && record.WhoId === undefined) record.WhoId = who[0];
    return record;
  });
  const results = await createRecords(ctx.salesforce.session, object, records, ctx.salesforce.write);
  await ctx.onWritePoint?.({ phase: 'server-written', side: 'salesforce', operation: op, rep: ctx.rep.email, items: actions.length });
  const relations: Record<string, unknown>[] = [];
  results.forEach((result, i) => {
    const action = actions[i]!;
    if (!result.ok) {
      out.failures.push({ object, direction: 'exchange-to-salesforce', exId: action.exId, code: result.code, message: result.message, rule: action.rule });
      return;
    }
    out.written.salesforce++;
    ctx.store.upsertPairing({
      object, sfId: result.id, exId: action.exId, exChangeKey: ctx.versions.exChangeKeys.get(action.exId) ?? '',
      sfModstamp: result.systemModstamp, pairedAt: ctx.now(), ...syncedOf(action),
    });
    logSync(ctx, object);
    const who = action.type === 'create-sf-event' ? action.relateTo?.whoIds ?? [] : [];
    for (const relationId of who.slice(1, MAX_RELATIONS)) relations.push({ EventId: result.id, RelationId: relationId, IsInvitee: false });
  });
  ctx.store.resolveIntents(intents.map((i) => i.id));
  await ctx.store.flush();
  await ctx.onWritePoint?.({ phase: 'state-committed', side: 'salesforce', operation: op, rep: ctx.rep.email, items: actions.length });
  if (object === 'Contact') await stampExContacts(ctx, results.flatMap((r, i) => (r.ok ? [{ exId: actions[i]!.exId, sfId: r.id }] : [])));
  if (relations.length > 0) {
    const related = await createRecords(ctx.salesforce.session, 'EventRelation', relations, ctx.salesforce.write);
    related.forEach((r, i) => {
      if (r.ok) out.written.salesforce++;
      else out.failures.push({ object: 'Event', direction: 'exchange-to-salesforce', sfId: String(relations[i]!.EventId), code: r.code, message: `relating the event (EVT-09): ${r.message}`, rule: 'EVT-09' });
    });
  }
}

export async function updateSfRecords(
  ctx: ApplyContext,
  object: 'Contact' | 'Event',
  actions: Array<Of<'update-sf-contact'> | Of<'update-sf-event'>>,
  out: ApplyResult,
): Promise<void> {
  if (actions.length === 0) return;
  const results = await updateRecords(ctx.salesforce.session, object, actions.map((a) => ({ ...a.set, Id: a.sfId })), ctx.salesforce.write);
  await ctx.onWritePoint?.({ phase: 'server-written', side: 'salesforce', operation: `update-sf-${object.toLowerCase()}`, rep: ctx.rep.email, items: actions.length });
  commitUpdates(ctx, object, actions, results, out);
  await ctx.store.flush();
}

function commitUpdates(
  ctx: ApplyContext,
  object: 'Contact' | 'Event',
  actions: Array<Of<'update-sf-contact'> | Of<'update-sf-event'>>,
  results: RecordResult[],
  out: ApplyResult,
): void {
  results.forEach((result, i) => {
    const action = actions[i]!;
    if (!result.ok) {
      out.failures.push({ object, direction: 'exchange-to-salesforce', sfId: action.sfId, exId: action.exId, code: result.code, message: result.message, rule: action.rule });
      return;
    }
    out.written.salesforce++;
    const pairing = ctx.store.findBySf(object, action.sfId);
    ctx.store.upsertPairing({
      object, sfId: action.sfId, exId: action.exId,
      exChangeKey: ctx.versions.exChangeKeys.get(action.exId) ?? pairing?.exChangeKey ?? '',
      sfModstamp: result.systemModstamp || pairing?.sfModstamp || '',
      pairedAt: pairing?.pairedAt ?? ctx.now(),
      ...(pairing?.drift ? { drift: pairing.drift } : {}),
      ...(action.synced ? syncedOf(action) : { syncedHash: pairing?.syncedHash ?? '', synced: pairing?.synced ?? {} }),
    });
    logSync(ctx, object);
  });
}

export async function deleteSfEvents(ctx: ApplyContext, actions: Of<'delete-sf-event'>[], out: ApplyResult): Promise<void> {
  if (actions.length === 0) return;
  const results = await deleteRecords(ctx.salesforce.session, 'Event', actions.map((a) => a.sfId), ctx.salesforce.write);
  await commitEventDeletes(ctx, 'salesforce', actions, results, out);
}

/**
 * EX contacts that became SF records carry no stamp yet (the rep made them): stamp them, so CON-02 can tell a move out
 * of Salesforce_Sync from a deletion and a restart or a second org recognises them. A failed stamp costs nothing but
 * that recognition; it is not an item failure.
 */
async function stampExContacts(ctx: ApplyContext, created: Array<{ exId: string; sfId: string }>): Promise<void> {
  if (created.length === 0) return;
  const results = await ctx.exchange.writer.stampItems(created.map((c) => ({ exId: c.exId, stamp: { orgId: ctx.org.orgId, recordId: c.sfId } })), ctx.exchange.loaded);
  results.forEach((r, i) => {
    const pairing = r.ok ? ctx.store.findBySf('Contact', created[i]!.sfId) : undefined;
    if (pairing && r.ok) ctx.store.patchPairing(pairing, { exChangeKey: r.changeKey });
  });
  await ctx.store.flush();
}
