/**
 * @module
 * The apply step: runs one rep's planned EngineActions against both servers in batches, commits pairing state as each
 * batch's results arrive (G-05 order, see apply/*), applies the planner's state-only updates, and turns every failed
 * item into a LightningSyncError record with a suggested fix (ERR-01). Findings and the human-readable actions go to
 * the cycle, which forwards them to the observer.
 */
import type { EngineAction, PlanOutput } from './model.ts';
import { suggestedFixFor } from './errors.ts';
import { createRecords } from './salesforce/record-writes.ts';
import { emptyResult, type ApplyContext, type ApplyResult, type ItemFailure } from './apply/apply-context.ts';
import { createExContacts, createExEvents, deleteExEvents, updateExItems } from './apply/exchange-actions.ts';
import { createSfRecords, deleteSfEvents, updateSfRecords } from './apply/salesforce-actions.ts';

export type { ApplyContext, ApplyResult, ItemFailure, WritePoint } from './apply/apply-context.ts';

type Of<T extends EngineAction['type']> = Extract<EngineAction, { type: T }>;

export async function applyPlan(ctx: ApplyContext, plan: PlanOutput): Promise<ApplyResult> {
  const out = emptyResult();
  const by = <T extends EngineAction['type']>(type: T) => plan.actions.filter((a): a is Of<T> => a.type === type);

  applyStateOnly(ctx, plan.actions);
  applyStateUpdates(ctx, plan);
  await ctx.store.flush();

  // Salesforce first: EX→SF creates are what a crash would most likely duplicate, so they get committed earliest.
  await createSfRecords(ctx, 'Contact', by('create-sf-contact'), out);
  await createSfRecords(ctx, 'Event', by('create-sf-event'), out);
  await updateSfRecords(ctx, 'Contact', by('update-sf-contact'), out);
  await updateSfRecords(ctx, 'Event', by('update-sf-event'), out);
  await deleteSfEvents(ctx, by('delete-sf-event'), out);

  await createExContacts(ctx, by('create-ex-contact'), out);
  await createExEvents(ctx, by('create-ex-event'), out);
  await updateExItems(ctx, [...by('update-ex-contact'), ...by('update-ex-event')], out);
  await deleteExEvents(ctx, by('delete-ex-event'), out);

  pruneSyncLog(ctx);
  await ctx.store.flush();
  return out;
}

/** Pairings made by matching, dropped, or frozen: no server write, only state. */
function applyStateOnly(ctx: ApplyContext, actions: EngineAction[]): void {
  for (const action of actions) {
    if (action.type === 'pair') {
      ctx.store.upsertPairing({
        object: action.object, sfId: action.sfId, exId: action.exId,
        exChangeKey: ctx.versions.exChangeKeys.get(action.exId) ?? '',
        sfModstamp: ctx.versions.sfModstamps.get(action.sfId) ?? '',
        syncedHash: action.synced?.hash ?? '', synced: action.synced?.values ?? {}, pairedAt: ctx.now(),
      });
    } else if (action.type === 'unpair') {
      ctx.store.removePairing(action.object, action.sfId, action.exId);
    } else if (action.type === 'freeze') {
      const pairing = ctx.store.findBySf(action.object, action.sfId);
      if (pairing) ctx.store.upsertPairing({ ...pairing, frozen: true });
    }
  }
}

function applyStateUpdates(ctx: ApplyContext, plan: PlanOutput): void {
  const { unresolved, initialSyncDone, pairingPatches } = plan.stateUpdates;
  if (unresolved) ctx.store.update((s) => (s.unresolved = unresolved));
  if (initialSyncDone) ctx.store.update((s) => (s.initialSyncDone = { ...s.initialSyncDone, ...initialSyncDone }));
  for (const patch of pairingPatches ?? []) {
    const pairing = ctx.store.findBySf(patch.object, patch.sfId);
    if (pairing && pairing.exId === patch.exId) ctx.store.upsertPairing({ ...pairing, ...patch.patch });
  }
}

/** STAT-02 counts the last 24 h only. */
function pruneSyncLog(ctx: ApplyContext): void {
  const cutoff = ctx.now() - 86_400_000;
  if (ctx.store.state.syncLog.some((e) => e.at < cutoff)) ctx.store.update((s) => (s.syncLog = s.syncLog.filter((e) => e.at >= cutoff)));
}

/** ERR-01: one LightningSyncError record per failed item, with the suggested fix for its code. */
export function errorRecords(failures: ItemFailure[], userId: string, at: number): Record<string, unknown>[] {
  return failures.map((f) => ({
    UserId: userId,
    ObjectType: f.object,
    Direction: f.direction,
    SalesforceRecordId: f.sfId ?? null,
    ExchangeItemId: f.exId ?? null,
    ErrorCode: f.code,
    Message: f.message.slice(0, 32_000),
    SuggestedFix: suggestedFixFor(f.code),
    OccurredAt: new Date(at).toISOString(),
  }));
}

/** Writes the error records; returns how many were written and why the others were refused (never silent). */
export async function writeErrorRecords(ctx: ApplyContext, errorObject: string, failures: ItemFailure[]): Promise<{ written: number; refused: string[] }> {
  if (failures.length === 0) return { written: 0, refused: [] };
  const results = await createRecords(ctx.salesforce.session, errorObject, errorRecords(failures, ctx.rep.userId, ctx.now()), { ...ctx.salesforce.write, readBack: false });
  return {
    written: results.filter((r) => r.ok).length,
    refused: results.flatMap((r) => (r.ok ? [] : [`${r.code}: ${r.message}`])),
  };
}
