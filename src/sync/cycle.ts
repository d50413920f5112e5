/**
 * @module
 * One cycle of one org: log in, read setup + configurations + users, resolve effective configurations, check every
 * assigned rep's connection (CONN-03/04/06/07), sync the reps in a stable order with bounded concurrency (each: read,
 * plan, apply), then write the user statuses that changed. Findings and actions go to the observer as they are made.
 */
import { detachStrings } from '#util/detach.ts';
import { probeSfChanges, type Coverage, type SfChangeProbe } from './cycle/sf-change-probe.ts';
import type { CycleSummary, Finding } from './api.ts';
import { inactiveConfigFindings, isEffectiveConfig, resolveEffectiveConfigs } from './config/index.ts';
import { atTime, sortFindings } from './findings.ts';
import { readOrgSetup } from './salesforce/setup-reader.ts';
import { checkEdition } from './salesforce/org-checks.ts';
import { OrgPausedError } from './salesforce/sf-error.ts';
import { checkEmailLinked, serviceAccountMatches } from './cycle/mailbox-checks.ts';
import { forEachLimited, hybridVerdict, probeMailboxes } from './cycle/probe.ts';
import { describeBlocker, type RepOutcome } from './cycle/rep-outcome.ts';
import { blocked, cycleStatus, permissionsAllowSync } from './cycle/cycle-extras.ts';
import { writeStatuses, type StatusValues } from './cycle/rep-status.ts';
import { runRep, type CycleScope, type RepJob } from './cycle/run-rep.ts';
import type { EngineRuntime } from './cycle/runtime.ts';
import { RepWorkerPool } from './cycle/worker-pool.ts';

export async function runCycle(rt: EngineRuntime): Promise<CycleSummary> {
  const org = rt.config.orgLabel;
  const startedAt = rt.clock.now();
  rt.deps.observer?.onCycleStart?.(org, startedAt);
  rt.session.beginCycle();
  const summary: CycleSummary = { org, startedAt, endedAt: startedAt, reps: 0, read: { salesforce: 0, exchange: 0 }, written: { salesforce: 0, exchange: 0 }, actions: [], findings: [], errors: [] };
  try {
    await cycleBody(rt, summary);
  } catch (error) {
    const blocker = describeBlocker(error, org);
    summary.errors.push({ code: blocker.code, message: error instanceof OrgPausedError ? error.message : blocker.message, ...(blocker.rule ? { rule: blocker.rule } : {}) });
  }
  // Permissions may have been taken away since they were verified: look again next cycle.
  if (summary.errors.some((e) => e.code.startsWith('INSUFFICIENT_ACCESS'))) rt.permissionsVerified = false;
  summary.findings = sortFindings(summary.findings);
  summary.endedAt = rt.clock.now();
  rt.deps.observer?.onCycleEnd?.(summary);
  return summary;
}

async function cycleBody(rt: EngineRuntime, summary: CycleSummary): Promise<void> {
  rt.folderMissing.clear();
  rt.edition ??= await checkEdition(rt.session);
  if (!rt.edition.supported) {
    summary.errors.push({ code: 'UNSUPPORTED_EDITION', rule: 'CONN-11', message: `org ${summary.org} is ${rt.edition.edition}; Lightning Sync is available only in Professional, Enterprise, Performance, Unlimited and Developer editions, so nothing syncs.` });
    return;
  }
  if (!(await permissionsAllowSync(rt, summary))) return;
  const setup = await readOrgSetup(rt.session, rt.objects);
  const orgId = rt.session.orgId;
  const emit = (f: Finding) => {
    summary.findings.push(f);
    rt.deps.observer?.onFinding?.(f);
  };
  const resolved = resolveEffectiveConfigs({ configs: setup.configs, assignments: setup.assignments, users: setup.users, now: rt.clock.now() });
  for (const f of atTime(inactiveConfigFindings(summary.org, resolved.inactiveAssignments), rt.clock.now())) emit(f);
  for (const e of resolved.invalidConfigs) summary.errors.push({ code: e.code, message: e.message, ...(e.rule ? { rule: e.rule } : {}) });

  const users = [...setup.users].sort((a, b) => (String(a.Username ?? a.Id) < String(b.Username ?? b.Id) ? -1 : 1));
  const desired = new Map<string, StatusValues>();
  const jobs: RepJob[] = [];
  for (const user of users) {
    const config = resolved.byUser.get(user.Id);
    if (!isEffectiveConfig(config)) {
      // Assigned but not syncing (inactive / invalid configuration): the status says so, if the user has one.
      if (config && config.none !== 'not-assigned' && config.none !== 'user-inactive') desired.set(user.Id, { AssignedToActiveConfig: false });
      else if (setup.statuses.has(user.Id)) desired.set(user.Id, { AssignedToActiveConfig: false });
      continue;
    }
    jobs.push({ user, config, status: setup.statuses.get(user.Id) });
  }
  summary.reps = jobs.length;

  if (!serviceAccountMatches(rt.config, setup.setup)) {
    summary.errors.push({ code: 'SERVICE_ACCOUNT_MISMATCH', rule: 'CONN-01', message: `The org's Lightning Sync setup names service account "${setup.setup?.ServiceAccountUsername}", but engine.yaml has "${rt.config.exchange.method === 'service-account' ? rt.config.exchange.username : ''}": make them the same account (either name form).` });
    return;
  }

  // Connection checks before anything syncs.
  const linked: RepJob[] = [];
  const outcomes: RepOutcome[] = [];
  for (const job of jobs) {
    const link = checkEmailLinked(job.user.Email, rt.config, setup.setup);
    if (link.linked) linked.push(job);
    else outcomes.push(blocked(rt, job, { code: 'EMAIL_NOT_LINKED', rule: link.rule, finding: 'unlinked-email', message: link.message, status: { EmailLinked: false } }, summary.org));
  }
  const probes = await probeMailboxes(rt, setup.setup, linked.map((j) => String(j.user.Email)));
  const hybrid = hybridVerdict(rt, probes);
  const ready: RepJob[] = [];
  for (const job of linked) {
    const probe = probes.get(String(job.user.Email).toLowerCase());
    const status: StatusValues = probe?.verdict ? { MailboxSupportedVersion: probe.verdict.supported } : {};
    if (hybrid.hybrid) outcomes.push(blocked(rt, job, { code: 'HYBRID_DEPLOYMENT', rule: 'CONN-07', finding: 'unsupported-mailbox', message: hybrid.message, status }, summary.org));
    else if (probe?.blocker) outcomes.push(blocked(rt, job, { ...probe.blocker, status: { ...status, ...probe.blocker.status } }, summary.org));
    else ready.push(job);
  }

  const scope: CycleScope = {
    org: { label: summary.org, orgId },
    setup: setup.setup,
    syncingEmails: ready.map((j) => String(j.user.Email).toLowerCase()),
  };
  if (rt.options.workers > 0) {
    rt.pool ??= new RepWorkerPool(rt.config, rt.deps.seed ?? 0, rt.options.workers);
    // The workers write the shards; the main thread's cached copies would be stale from here on.
    rt.stores.clear();
  }
  rt.sfProbe = await changeProbe(rt, ready);
  await forEachLimited(ready, rt.pool ? rt.options.workers : rt.options.concurrency, async (job) => {
    const outcome = rt.pool ? await rt.pool.run(scope, job) : await runRep(rt, scope, job);
    const probe = probes.get(String(job.user.Email).toLowerCase());
    outcome.status = { MailboxSupportedVersion: true, RecognizedByServiceAccount: outcome.errors.some((e) => e.rule === 'CONN-04') ? false : true, ...outcome.status };
    if (probe?.verdict) outcome.status.MailboxSupportedVersion = probe.verdict.supported;
    // Outcomes wait here until every rep is done (the summary lists them in rep order), so keep them small: drop the
    // actions nobody will read, and copy strings cut from whole EWS responses (ids in findings and errors are V8
    // slices of them; kept, they would pin every response of the cycle).
    if (!rt.options.recordActions && !rt.deps.observer?.onAction) outcome.actions = [];
    detachStrings(outcome.findings);
    detachStrings(outcome.errors);
    outcomes.push(outcome);
  });

  for (const outcome of outcomes.sort((a, b) => (a.rep < b.rep ? -1 : 1))) {
    if (rt.options.recordActions) summary.actions.push(...outcome.actions);
    for (const a of outcome.actions) rt.deps.observer?.onAction?.(a);
    for (const f of outcome.findings) emit(f);
    summary.errors.push(...outcome.errors);
    summary.read.salesforce += outcome.read.salesforce;
    summary.read.exchange += outcome.read.exchange;
    summary.written.salesforce += outcome.written.salesforce;
    summary.written.exchange += outcome.written.exchange;
    desired.set(outcome.userId, { ...(desired.get(outcome.userId) ?? {}), ...outcome.status });
  }
  if (!rt.options.dryRun) {
    const statuses = await writeStatuses(rt, desired, setup.statuses);
    summary.written.salesforce += statuses.written;
    for (const f of statuses.failures) {
      const rep = users.find((u) => u.Id === f.userId);
      summary.errors.push({ rep: rep?.Username ?? f.userId, code: f.code, rule: 'STAT-03', message: `writing the user status (${rt.objects.userStatus}) failed: ${f.message}` });
    }
  }
  summary.status = cycleStatus(rt, setup.setup, outcomes, jobs.length, linked.length);

}

/**
 * The cycle's Salesforce change probe (sf-change-probe.ts), for reps synced in this thread. A failed probe costs
 * nothing but the optimisation: every rep then reads as usual and meets the same error on its own reads.
 */
async function changeProbe(rt: EngineRuntime, ready: RepJob[]): Promise<SfChangeProbe | undefined> {
  if (rt.pool) return undefined;
  const objects = (['Contact', 'Event'] as const).filter((o) => ready.some((j) => (o === 'Contact' ? j.config.contacts : j.config.events).direction !== 'dont-sync'));
  const coverage = ready.map((j) => rt.sfCoverage.get(j.user.Id)).filter((c): c is Coverage => c !== undefined);
  try {
    return await probeSfChanges(rt.session, coverage, rt.clock.now(), [...objects]);
  } catch (error) {
    if (error instanceof OrgPausedError) throw error;
    return undefined;
  }
}
