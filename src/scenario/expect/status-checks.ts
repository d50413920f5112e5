/**
 * @module
 * `engine.status` (STAT-01/02): compares the org-level statuses the org's engine reported at the end of its last
 * cycle with the expected values. The statuses are as of that cycle: after an `advance` without a sync the page
 * shows what the last cycle computed, which is what the product's status page shows between syncs too.
 */
import type { CycleSummary } from '../../sync/api.ts';
import type { EngineStatusArgs } from '../schema/engine-status.ts';
import type { RunContext } from '../run/context.ts';
import { matchFields, type FieldMismatch } from './match.ts';
import { fail, pass, type Outcome } from './outcome.ts';

type Status = NonNullable<CycleSummary['status']>;

/** The status as flat records, one per section, with the expectation's key names. */
export function statusSections(status: Status): Record<'system' | 'contacts' | 'events', Record<string, unknown>> {
  const { system, activity } = status;
  return {
    system: {
      serviceAccountUserName: system.serviceAccountUserName,
      outlookIntegrationEnabled: system.outlookIntegrationEnabled,
      serviceAccountRecognized: system.serviceAccountRecognized,
      linkedUsers: system.linkedUsers.count,
      linkedUsersVerdict: system.linkedUsers.verdict,
    },
    contacts: { ...activity.Contact },
    events: { ...activity.Event },
  };
}

export function checkEngineStatus(ctx: RunContext, a: EngineStatusArgs): Outcome {
  if (!ctx.scenario.world.salesforce.orgs.some((o) => o.id === a.org)) {
    return fail(`no org "${a.org}" in this scenario's world — use one of: ${ctx.scenario.world.salesforce.orgs.map((o) => o.id).join(', ')}`, { org: a.org }, null);
  }
  const last = ctx.orgStatus?.get(a.org);
  if (!last) return fail(`no cycle of org ${a.org} has run — add a sync step before this check`, { org: a.org }, null);
  if (!last.status) {
    const why = last.errors.length ? ` — it stopped early: ${last.errors.slice(0, 3).join(' | ')}` : '';
    return fail(`cycle ${last.n} of org ${a.org} reported no statuses${why}`, { org: a.org }, null);
  }
  const sections = statusSections(last.status);
  const mismatches: FieldMismatch[] = [];
  for (const section of ['system', 'contacts', 'events'] as const) {
    const wanted = a[section];
    if (!wanted) continue;
    const fields = Object.fromEntries(Object.entries(wanted).filter(([, v]) => v !== undefined)) as Parameters<typeof matchFields>[1];
    for (const mm of matchFields(sections[section], fields)) mismatches.push({ ...mm, field: `${section}.${mm.field}` });
  }
  const asOf = { cycle: last.n, at: new Date(last.endedAt).toISOString() };
  const actual = { ...asOf, ...Object.fromEntries((['system', 'contacts', 'events'] as const).filter((s) => a[s]).map((s) => [s, sections[s]])) };
  if (mismatches.length === 0) return pass(actual);
  return fail(
    `statuses of org ${a.org} after cycle ${last.n} (${asOf.at}): ${mismatches.map((x) => `${x.field} is ${JSON.stringify(x.actual)}`).join(', ')}`,
    Object.fromEntries(mismatches.map((x) => [x.field, x.expected])),
    actual,
  );
}
