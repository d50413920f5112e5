/**
 * @module
 * When a rep has nothing to plan. A cycle in which neither side reports a change for the rep, and nothing is carried
 * over from an earlier cycle, plans no action, finding or state update: paired items that merely age out of the event
 * window are left alone (decision 0007), and every other rule needs a change to act on. The cycle then skips the
 * planner, so the rep's pairings are never parsed (state/shard-codec.ts) — in a quiet cycle of 1,000 reps that is
 * most of the work (issue #6). test/engine/unit/plan-quiet.test.ts holds the planner to this.
 */
import type { PlanInput } from '../model.ts';

export function nothingToPlan(input: Pick<PlanInput, 'exchange' | 'salesforce' | 'lookups'> & { state: Pick<PlanInput['state'], 'unresolved'> }): boolean {
  const sets = [input.exchange.contacts, input.exchange.events, input.salesforce.contacts, input.salesforce.events];
  if (sets.some((s) => s.full || s.upserts.length > 0 || s.deletes.length > 0)) return false;
  const candidates = input.lookups.candidates;
  if (candidates && Object.values(candidates).some((list) => (list?.length ?? 0) > 0)) return false;
  return input.state.unresolved.length === 0;
}
