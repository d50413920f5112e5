/**
 * Bad input gets a clear error before planning starts: the planner trusts nothing it would otherwise fail on deep
 * inside (a rep without a time zone, a change set without arrays).
 */
import { localDate } from '../mapping/time-zone.ts';
import type { PlanInput } from '../model.ts';

export class PlanInputError extends Error {
  readonly code = 'PLAN_INPUT_INVALID';
}

export function validatePlanInput(input: PlanInput): void {
  const problems: string[] = [];
  if (!input.rep?.userId) problems.push('rep.userId is missing (the rep\'s Salesforce user id)');
  if (!input.rep?.timeZone) problems.push('rep.timeZone is missing (the rep\'s TimeZoneSidKey, e.g. America/Los_Angeles)');
  else {
    try { localDate(0, input.rep.timeZone); } catch (error) { problems.push((error as Error).message); }
  }
  if (!input.org?.orgId) problems.push('org.orgId is missing (the 18-character org id stamped on Exchange items, ORG-01)');
  if (!Number.isFinite(input.now)) problems.push('now must be epoch milliseconds from the scenario clock');
  for (const [side, object] of [['exchange', 'contacts'], ['exchange', 'events'], ['salesforce', 'contacts'], ['salesforce', 'events']] as const) {
    const set = (input[side] as Record<string, { upserts?: unknown; deletes?: unknown } | undefined>)[object];
    if (!set || !Array.isArray(set.upserts) || !Array.isArray(set.deletes)) {
      problems.push(`${side}.${object} must be a ChangeSet { full, upserts: [], deletes: [] }`);
    }
  }
  if (problems.length) {
    throw new PlanInputError(`planRep cannot plan for ${input.rep?.username ?? 'an unnamed rep'}: ${problems.join('; ')}.`);
  }
}
