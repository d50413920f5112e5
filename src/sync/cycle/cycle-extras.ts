/**
 * @module
 * Small pieces of a cycle kept out of cycle.ts: the outcome of a rep stopped by a connection check, and the org's
 * system status (STAT-01) and sync activity (STAT-02) at the end of the cycle, and the CONN-10 permission gate.
 */
import type { CycleSummary, Finding } from '../api.ts';
import { checkIntegrationPermissions, errorReportMessage, missingPermissionsMessage } from '../salesforce/permission-check.ts';
import type { SetupRecord } from '../salesforce/setup-reader.ts';
import { orgActivity, systemStatus } from '../status/index.ts';
import { rememberActivity } from './activity-memory.ts';
import { newOutcome, type RepOutcome } from './rep-outcome.ts';
import type { StatusValues } from './rep-status.ts';
import type { RepJob } from './run-rep.ts';
import type { EngineRuntime } from './runtime.ts';

export function cycleStatus(rt: EngineRuntime, setup: SetupRecord | undefined, outcomes: RepOutcome[], assigned: number, linked: number): NonNullable<CycleSummary['status']> {
  const reachedExchange = outcomes.some((o) => o.status.RecognizedByServiceAccount === true);
  const remembered = rememberActivity(rt, outcomes); // F-STATUS: activity older than this cycle's reps' logs (STAT-02)
  const rejected = outcomes.length > 0 && outcomes.every((o) => o.errors.some((e) => e.code === 'HttpUnauthorized' || e.rule === 'CONN-05'));
  return {
    system: systemStatus({
      serviceAccountUsername: setup?.ServiceAccountUsername ?? null,
      outlookIntegrationEnabled: setup?.OutlookIntegrationEnabled !== false,
      serviceAccountRecognized: reachedExchange ? true : rejected ? false : null,
      assignedReps: assigned,
      linkedReps: linked,
    }),
    activity: orgActivity(remembered.logs, rt.clock.now(), remembered.lastSyncAt),
  };
}

export function blocked(rt: EngineRuntime, job: RepJob, b: { code: string; rule?: string; finding?: Finding['kind']; message: string; status: StatusValues }, org: string): RepOutcome {
  const rep = job.user.Username ?? String(job.user.Email);
  const out = newOutcome(job.user.Id, rep);
  out.errors.push({ rep, code: b.code, message: b.message, ...(b.rule ? { rule: b.rule } : {}) });
  if (b.finding) out.findings.push({ kind: b.finding, rule: b.rule ?? 'CONN-09', org, rep, message: b.message, at: rt.clock.now() });
  out.status = { AssignedToActiveConfig: true, OutlookIntegrationSetUp: job.user.OutlookIntegrationSetUp === true, ...b.status };
  return out;
}

/**
 * CONN-10 before the first setup read: false (with one INSUFFICIENT_ACCESS error naming every missing permission)
 * when the integration user lacks a required one. Verified once; a cycle that meets INSUFFICIENT_ACCESS resets it.
 */
export async function permissionsAllowSync(rt: EngineRuntime, summary: CycleSummary): Promise<boolean> {
  if (rt.permissionsVerified) return true;
  const perms = await checkIntegrationPermissions(rt.session);
  const username = rt.config.salesforce.username;
  if (perms.checked && perms.missing.length > 0) {
    summary.errors.push({ code: 'INSUFFICIENT_ACCESS', rule: 'CONN-10', message: missingPermissionsMessage(summary.org, username, perms.missing) });
    return false;
  }
  if (perms.checked && perms.errorReportMissing.length > 0) (summary.warnings ??= []).push({ code: 'ERROR_REPORT_NOT_READABLE', rule: 'CONN-10', message: errorReportMessage(username) });
  // Unchecked (the org cannot say): the setup reads that follow fail with their own error if access is really missing.
  rt.permissionsVerified = true;
  return true;
}
