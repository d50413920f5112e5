/**
 * @module
 * Runs one expectation and turns it into an ExpectationResult: PASS, FAIL (expected vs actual), SKIP (the sims or
 * engine cannot do it yet, with the reason) or ERROR (the check itself broke). `within: N` keeps running sync cycles
 * — of the expectation's org, else of every org — up to N, until the check passes (G-01 convergence).
 */
import type { ExpectationResult } from '../../report/model.ts';
import { describeError, NotSupportedError } from '../env/not-supported.ts';
import type { Expectation } from '../schema.ts';
import { note, type RunContext } from '../run/context.ts';
import { runOneCycle } from '../run/cycles.ts';
import { withDeadline } from '../run/deadline.ts';
import { checkConnectionTest, checkCounts, checkFinding } from './run-checks.ts';
import { checkBackoff, checkReplay } from './guarantee-checks.ts';
import { checkErrors, checkRecord, checkUserStatus } from './record-checks.ts';
import { checkExchange, checkSalesforce } from './state-checks.ts';
import { checkEngineStatus } from './status-checks.ts';
import type { Outcome } from './outcome.ts';

async function check(ctx: RunContext, e: Expectation): Promise<Outcome> {
  switch (e.kind) {
    case 'exchange.contact': return checkExchange(ctx, 'Contact', e.args as never);
    case 'exchange.event': return checkExchange(ctx, 'Event', e.args as never);
    case 'salesforce.contact': return checkSalesforce(ctx, 'Contact', e.args as never);
    case 'salesforce.event': return checkSalesforce(ctx, 'Event', e.args as never);
    case 'salesforce.record': return checkRecord(ctx, e.args);
    case 'salesforce.user-status': return checkUserStatus(ctx, e.args);
    case 'salesforce.error': return checkErrors(ctx, e.args);
    case 'engine.status': return checkEngineStatus(ctx, e.args);
    case 'finding': return checkFinding(ctx, e.args);
    case 'counts': return checkCounts(ctx, e.args);
    case 'connection-test': return checkConnectionTest(ctx, e.args);
    case 'backoff': return checkBackoff(ctx, e.args);
    case 'replay': return checkReplay(ctx);
  }
}

export async function evaluate(ctx: RunContext, e: Expectation, id: string): Promise<ExpectationResult> {
  const started = performance.now();
  const base = { id, scenario: ctx.scenario.id, name: nameOf(e), kind: e.kind, rules: rulesOf(ctx, e) };
  let outcome: Outcome;
  let cyclesRun = 0;
  try {
    outcome = await withDeadline(ctx.deadline, base.name, () => check(ctx, e));
    const orgs = 'org' in e.args && typeof e.args.org === 'string' ? [e.args.org] : ctx.scenario.world.salesforce.orgs.map((o) => o.id);
    while (!outcome.pass && e.within !== undefined && cyclesRun < e.within) {
      cyclesRun++;
      for (const org of orgs) await withDeadline(ctx.deadline, `cycle of ${org} for ${base.name}`, () => runOneCycle(ctx, org));
      outcome = await withDeadline(ctx.deadline, base.name, () => check(ctx, e));
    }
  } catch (error) {
    const skip = error instanceof NotSupportedError;
    const result: ExpectationResult = { ...base, verdict: skip ? 'SKIP' : 'ERROR', message: describeError(error), at: ctx.clock.now(), durationMs: elapsed(started) };
    note(ctx, { kind: 'check', label: base.name, verdict: result.verdict, detail: result.message });
    return result;
  }
  const result: ExpectationResult = {
    ...base,
    verdict: outcome.pass ? 'PASS' : 'FAIL',
    ...(outcome.message && !outcome.pass ? { message: outcome.message } : {}),
    ...(!outcome.pass ? { expected: outcome.expected, actual: outcome.actual } : {}),
    ...(e.within !== undefined ? { cyclesRun } : {}),
    at: ctx.clock.now(),
    durationMs: elapsed(started),
  };
  if (!outcome.pass && e.within !== undefined) result.message = `not reached within ${e.within} cycle(s): ${result.message ?? ''}`;
  note(ctx, { kind: 'check', label: base.name, verdict: result.verdict, ...(result.message ? { detail: result.message } : {}) });
  return result;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

export function rulesOf(ctx: RunContext, e: Expectation): string[] {
  if (e.rules?.length) return [...e.rules];
  if (e.kind === 'finding' && e.args.rule) return [e.args.rule];
  return [...ctx.scenario.rules];
}

/** A readable default name: kind + selector + what is checked. */
export function nameOf(e: Expectation): string {
  if (e.name) return e.name;
  const a = e.args as Record<string, unknown>;
  const where = [a.ref, a.subject, a.email, a.where ? JSON.stringify(a.where) : undefined, a.folder, a.user].filter(Boolean).join(' ');
  const scope = a.mailbox ?? a.org;
  const what = a.absent ? 'absent' : a.count !== undefined ? `count ${JSON.stringify(a.count)}` : a.fields ? Object.keys(a.fields as object).join(', ') : '';
  switch (e.kind) {
    case 'finding': return `finding ${[a.kind, a.rule, a.field].filter(Boolean).join(' ')}${a.count !== undefined ? ` count ${JSON.stringify(a.count)}` : ''}`;
    case 'counts': return `counts ${a.org ?? ''} cycle ${String(a.cycle ?? 'last')}: ${['requests', 'writes', 'errors'].filter((k) => a[k] !== undefined).map((k) => `${k} ${JSON.stringify(a[k])}`).join(', ')}`.replace(/\s+/g, ' ');
    case 'replay': return 'a replay with the same seed gives the same cycles, findings and final state';
    case 'backoff': return `back-off honoured after fault ${String(a.fault)}`;
    case 'engine.status': return `engine.status in ${String(a.org)}: ${(['system', 'contacts', 'events'] as const).filter((s) => a[s]).map((s) => `${s} ${Object.keys(a[s] as object).join(', ')}`).join('; ')}`;
    case 'connection-test': return `connection test ${String(a.ref)} ${String(a.verdict ?? '')}`.trim();
    default: return `${e.kind} ${where}${scope ? ` in ${String(scope)}` : ''}${what ? `: ${what}` : ''}`.replace(/\s+/g, ' ').trim();
  }
}
