/**
 * @module
 * What the apply step needs for one rep, and what it reports back. Kept apart so the per-side action runners and the
 * orchestrator (src/sync/apply.ts) share one vocabulary.
 */
import type { Direction } from '../api.ts';
import type { MailboxWriter } from '../exchange/mailbox-writes.ts';
import type { RepContext, SyncedValues } from '../model.ts';
import type { WriteOptions } from '../salesforce/record-writes.ts';
import type { SalesforceSession } from '../salesforce/sf-session.ts';
import type { RepStateStore } from '../state/rep-state-store.ts';

/** A point in the write sequence where a test may stop the engine (G-05 crash test). */
export interface WritePoint {
  phase: 'intent-recorded' | 'server-written' | 'state-committed';
  side: 'salesforce' | 'exchange';
  operation: string;
  rep: string;
  items: number;
}

export interface ApplyContext {
  org: { label: string; orgId: string };
  rep: RepContext;
  store: RepStateStore;
  exchange: { writer: MailboxWriter; syncFolderId: string | undefined; /** Contacts loaded this cycle (reader.loaded). */ loaded?: Map<string, import('ews-javascript-api').Item> };
  salesforce: { session: SalesforceSession; write: WriteOptions };
  now: () => number;
  /** Versions read this cycle, for pairings made by matching (CON-04, EVT-08). */
  versions: { exChangeKeys: Map<string, string>; sfModstamps: Map<string, string> };
  onWritePoint?: (point: WritePoint) => void | Promise<void>;
}

/** One failed item: becomes a LightningSyncError record (ERR-01) and a summary error. */
export interface ItemFailure {
  object: 'Contact' | 'Event';
  direction: Direction;
  sfId?: string;
  exId?: string;
  code: string;
  message: string;
  rule: string;
}

export interface ApplyResult {
  written: { salesforce: number; exchange: number };
  failures: ItemFailure[];
}

export function emptyResult(): ApplyResult {
  return { written: { salesforce: 0, exchange: 0 }, failures: [] };
}

export function syncedOf(action: { synced?: SyncedValues }): Pick<import('../model.ts').Pairing, 'syncedHash' | 'synced'> {
  return { syncedHash: action.synced?.hash ?? '', synced: action.synced?.values ?? {} };
}

let intentCounter = 0;
/** Intent ids unique within the process and readable in a state file. */
export function intentId(now: number): string {
  intentCounter = (intentCounter + 1) % 1_000_000;
  return `i${now.toString(36)}-${intentCounter.toString(36)}`;
}

/**
 * Records the outcome of deleting events on one side, item by item, in the order the writes were sent: a deleted
 * partner ends its pairing (EVT-05), a refused delete becomes a failure (an ERR-01 error record later). Called after
 * the server write, so a crash in between leaves the pairing to be reconciled by the next cycle (G-05).
 */
export async function commitEventDeletes(
  ctx: ApplyContext,
  side: 'exchange' | 'salesforce',
  actions: ReadonlyArray<{ sfId: string; exId: string; rule: string }>,
  results: ReadonlyArray<{ ok: true } | { ok: false; code: string; message: string }>,
  out: ApplyResult,
): Promise<void> {
  await ctx.onWritePoint?.({
    phase: 'server-written', side, operation: side === 'exchange' ? 'delete-ex-event' : 'delete-sf-event', rep: ctx.rep.email, items: actions.length,
  });
  results.forEach((result, i) => {
    const action = actions[i]!;
    if (result.ok) {
      out.written[side]++;
      ctx.store.removePairing('Event', action.sfId, action.exId);
    } else {
      const direction = side === 'exchange' ? 'salesforce-to-exchange' : 'exchange-to-salesforce';
      out.failures.push({ object: 'Event', direction, sfId: action.sfId, exId: action.exId, code: result.code, message: result.message, rule: action.rule });
    }
  });
  await ctx.store.flush();
}
