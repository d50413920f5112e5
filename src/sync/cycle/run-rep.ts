/**
 * @module
 * One rep's part of a cycle: reset handling (RST-01), Salesforce_Sync (CON-01), reads, the pure plan, apply, error
 * records (ERR-01), checkpoints, and the status values the cycle writes afterwards. A failure that stops the rep is
 * recorded (summary error, status, finding) and never stops the other reps.
 */
import type { EffectiveConfig, PlanOutput, RepContext, RepState } from '../model.ts';
import { applyPlan, writeErrorRecords } from '../apply.ts';
import { atTime } from '../findings.ts';
import { nothingToPlan } from '../plan/quiet.ts';
import { planRep } from '../plan/index.ts';
import { EwsError } from '../exchange/ews-error.ts';
import type { SetupRecord, SfUser, UserStatusRecord } from '../salesforce/setup-reader.ts';
import type { ItemFailure } from '../apply.ts';
import { connectRep } from './rep-connection.ts';
import { beginReset, finishReset } from './reset.ts';
import { absorbOwnEcho } from './own-echo.ts';
import { retryBookkeeping } from './retry-list.ts';
import { describeBlocker, newOutcome, type RepOutcome } from './rep-outcome.ts';
import { readRep } from './rep-reads.ts';
import { countsAndTimes, directionStatuses } from './rep-status.ts';
import { storeFor, type EngineRuntime } from './runtime.ts';

export interface RepJob {
  user: SfUser;
  config: EffectiveConfig;
  status: UserStatusRecord | undefined;
}

/** What planRep returns for a rep with nothing to plan (fresh arrays: callers may append to them). */
const emptyPlan = (): PlanOutput => ({ actions: [], findings: [], summary: [], stateUpdates: {} });

export interface CycleScope {
  org: { label: string; orgId: string };
  setup: SetupRecord | undefined;
  syncingEmails: string[];
}

export async function runRep(rt: EngineRuntime, scope: CycleScope, job: RepJob): Promise<RepOutcome> {
  const { user, config } = job;
  const mailbox = String(user.Email);
  const out = newOutcome(user.Id, user.Username ?? mailbox);
  const rep: RepContext = { userId: user.Id, username: user.Username ?? mailbox, email: mailbox, mailbox, timeZone: user.TimeZoneSidKey ?? 'America/Los_Angeles' };
  const store = await storeFor(rt, mailbox);
  const gate = { until: store.state.backOffUntil ?? 0 };
  const dry = rt.options.dryRun;
  const resetting = job.status?.ResetStatus === 'MarkedForReset' || store.state.resetStatus === 'ResetInProgress';
  const before = { ...store.state.initialSyncDone };
  let synced = false;
  const failed = new Set<string>();
  const written: Record<string, number> = {};
  out.status = { AssignedToActiveConfig: true, EmailLinked: true, OutlookIntegrationSetUp: user.OutlookIntegrationSetUp === true };

  try {
    if (resetting && !dry) await beginReset(rt, job, store);
    const conn = await connectRep(rt, scope.setup, mailbox, gate);
    let syncFolderId = store.state.syncFolderId;
    if (config.contacts.direction !== 'dont-sync' && !syncFolderId) {
      if (dry) syncFolderId = await conn.reader.findSyncFolder();
      else {
        try {
          syncFolderId = (await conn.reader.ensureSyncFolder(rt.folderMissing.delete(mailbox.toLowerCase()))).folderId;
          store.update((s) => (s.syncFolderId = syncFolderId));
        } catch (error) {
          const e = error instanceof EwsError ? error : undefined;
          out.status.ContactsFolderFound = false;
          out.errors.push({ rep: out.rep, code: e?.code ?? 'ErrorFolderSave', rule: 'CON-01', message: `Salesforce_Sync could not be created under ${mailbox}'s Contacts folder: ${(error as Error).message}` });
        }
      }
    }
    if (syncFolderId) out.status.ContactsFolderFound = true;
    const full = new Set(store.pendingIntents().map((i) => i.object));
    const reads = await readRep(rt, conn, rep, config, store.state, syncFolderId, full);
    out.status.CalendarFolderFound = config.events.direction === 'dont-sync' ? null : true;
    out.read = reads.counts;
    const now = rt.clock.now();
    const planInput = {
      org: scope.org, rep, config, now,
      outlookIntegration: { orgEnabled: scope.setup?.OutlookIntegrationEnabled !== false, repSetUp: user.OutlookIntegrationSetUp === true },
      exchange: reads.exchange, salesforce: reads.salesforce,
      lookups: { ...reads.lookups, syncingEmails: scope.syncingEmails },
    };
    // A quiet rep is not planned at all, so its pairings are never parsed (plan/quiet.ts). A Reset Sync in progress
    // or items to retry always plan.
    const quiet = !resetting && !store.state.retry?.length && nothingToPlan({ ...planInput, state: store.state });
    const plan = quiet ? emptyPlan() : planRep({ ...planInput, state: store.state });
    out.actions = plan.summary;
    out.findings = atTime(plan.findings, now);
    if (dry) return out;

    const applyCtx = {
      org: scope.org, rep, store, now: () => rt.clock.now(), versions: reads.versions,
      exchange: { writer: conn.writer, syncFolderId, loaded: conn.reader.loaded },
      // No SystemModstamp read-back after writes: the planner tells our own echo from an edit by the synced-values hash
      // (G-02), so the extra query per batch buys nothing.
      salesforce: { session: rt.session, write: { batchSize: rt.options.sfBatchSize, maxRetries: rt.options.maxRetries, readBack: false } },
      ...(rt.deps.onWritePoint ? { onWritePoint: rt.deps.onWritePoint } : {}),
    };
    const result = await applyPlan(applyCtx, plan);
    out.written = { ...result.written };
    for (const f of result.failures) {
      failed.add(`${f.object}:${f.direction}`);
      out.errors.push({ rep: out.rep, code: f.code, rule: f.rule, message: itemMessage(f) });
    }
    // ERR-01: one error record per NEW failure; an item failing again with the same code is retried silently.
    const { fresh, retryNext } = retryBookkeeping(store.state, result.failures, rt.clock.now());
    const recorded = await writeErrorRecords(applyCtx, rt.objects.error, fresh);
    out.written.salesforce += recorded.written;
    for (const reason of recorded.refused) out.errors.push({ rep: out.rep, code: 'ERROR_RECORD_REFUSED', rule: 'ERR-01', message: `the org refused a ${rt.objects.error} record: ${reason}` });
    // Only touch the shard when something changed: a quiet cycle must not rewrite every rep's state file (issue #6).
    if (retryNext.length || store.state.retry !== undefined) {
      store.update((s) => {
        if (retryNext.length) s.retry = retryNext;
        else delete s.retry;
      });
    }
    countWrites(plan.actions, result.failures, written);
    await absorbOwnEcho(conn, store.state, plan.actions, reads.next.syncStates, syncFolderId);
    const checkpoints = (s: typeof store.state) => {
      for (const object of ['Contact', 'Event'] as const) {
        const folder = object === 'Contact' ? 'contacts' : 'calendar';
        if (reads.next.syncStates[folder]) s.syncStates[folder] = reads.next.syncStates[folder];
        if (reads.next.sfWatermarks[object]) s.sfWatermarks[object] = reads.next.sfWatermarks[object];
      }
      if (Object.keys(reads.next.sfSettled).length) s.sfSettled = reads.next.sfSettled;
      else delete s.sfSettled;
    };
    const probe = structuredClone({ syncStates: store.state.syncStates, sfWatermarks: store.state.sfWatermarks, sfSettled: store.state.sfSettled }) as typeof store.state;
    checkpoints(probe);
    if (!sameCheckpoints(probe, store.state)) store.update(checkpoints);
    // The checkpoints are committed (flushed in `finally`): only now may the change probe count this read as done.
    rt.sfCoverage.set(user.Id, { ...rt.sfCoverage.get(user.Id), ...reads.coverage });
    synced = true;
    if (resetting) await finishReset(rt, job, store);
  } catch (error) {
    // A rejected bearer token (revoked consent, rotated secret) must not be reused until it expires (CONN-05).
    if (rt.tokens && error instanceof EwsError && error.code === 'HttpUnauthorized') rt.tokens.invalidate();
    const blocker = describeBlocker(error, mailbox);
    out.errors.push({ rep: out.rep, code: blocker.code, message: blocker.message, ...(blocker.rule ? { rule: blocker.rule } : {}) });
    Object.assign(out.status, blocker.status);
    if (blocker.finding) out.findings.push({ kind: blocker.finding, rule: blocker.rule ?? 'CONN-09', org: scope.org.label, rep: out.rep, message: blocker.message, at: rt.clock.now() });
  } finally {
    if (!dry) {
      const backOffUntil = gate.until > rt.clock.now() ? gate.until : undefined;
      if (store.state.backOffUntil !== backOffUntil) store.update((s) => (s.backOffUntil = backOffUntil));
      await store.flush();
    }
  }
  Object.assign(out.status, directionStatuses({ config, before, state: store.state, synced, written, failed: failed as Set<never>, previous: job.status }), countsAndTimes(store.state, job.status));
  out.syncLog = store.state.syncLog.filter((e) => e.at >= rt.clock.now() - 86_400_000);
  // Shards are re-read each cycle rather than kept: an org of 1,000 reps must not hold every pairing in memory.
  rt.stores.delete(mailbox.toLowerCase());
  return out;
}

function sameCheckpoints(a: Pick<RepState, 'syncStates' | 'sfWatermarks' | 'sfSettled'>, b: Pick<RepState, 'syncStates' | 'sfWatermarks' | 'sfSettled'>): boolean {
  const same = (x: object | undefined, y: object | undefined) => JSON.stringify(Object.entries(x ?? {}).sort()) === JSON.stringify(Object.entries(y ?? {}).sort());
  return same(a.syncStates, b.syncStates) && same(a.sfWatermarks, b.sfWatermarks) && same(a.sfSettled, b.sfSettled);
}

function countWrites(actions: { type: string }[], failures: ItemFailure[], written: Record<string, number>): void {
  for (const a of actions) {
    const m = /^(create|update|delete)-(sf|ex)-(contact|event)$/.exec(a.type);
    if (!m) continue;
    const key = `${m[3] === 'contact' ? 'Contact' : 'Event'}:${m[2] === 'ex' ? 'salesforce-to-exchange' : 'exchange-to-salesforce'}`;
    written[key] = (written[key] ?? 0) + 1;
  }
  for (const f of failures) written[`${f.object}:${f.direction}`] = Math.max(0, (written[`${f.object}:${f.direction}`] ?? 1) - 1);
}

function itemMessage(f: ItemFailure): string {
  const ids = [f.sfId ? `SF ${f.sfId}` : '', f.exId ? `EX ${f.exId.slice(0, 24)}…` : ''].filter(Boolean).join(', ');
  return `${f.object} ${f.direction} ${ids}: ${f.code}: ${f.message}`;
}
