/**
 * @module
 * The retry list (RepState.retry): items whose write failed are re-read next cycle until they sync (ERR-01, G-01).
 * A failure that repeats with the same code is retried without a new LightningSyncError record.
 */
import type { ItemFailure } from '../apply.ts';
import type { RepState } from '../model.ts';

export function retryBookkeeping(state: RepState, failures: ItemFailure[], now: number): { fresh: ItemFailure[]; retryNext: NonNullable<RepState['retry']> } {
  const before = new Map((state.retry ?? []).map((r) => [`${r.object}:${r.source}:${r.id}`, r]));
  const sourceOf = (f: ItemFailure) => (f.direction === 'exchange-to-salesforce' ? 'exchange' as const : 'salesforce' as const);
  const idOf = (f: ItemFailure) => (sourceOf(f) === 'exchange' ? f.exId : f.sfId);
  const retryNext = failures.flatMap((f) => {
    const id = idOf(f);
    if (!id) return [];
    const known = before.get(`${f.object}:${sourceOf(f)}:${id}`);
    return [{ object: f.object, source: sourceOf(f), id, code: f.code, since: known?.code === f.code ? known.since : now }];
  });
  const fresh = failures.filter((f) => before.get(`${f.object}:${sourceOf(f)}:${idOf(f)}`)?.code !== f.code);
  return { fresh, retryNext };
}
