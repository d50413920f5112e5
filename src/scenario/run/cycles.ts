/**
 * @module
 * Runs engine cycles and measures them from the sims' traces: requests and writes per sim, per-operation counts
 * and fired faults between the cycle's first and last request — the numbers behind "the second cycle made 0
 * writes" (G-02).
 */
import type { TraceEntry } from '../../../sim/core/trace.ts';
import type { CycleRecord } from '../../report/model.ts';
import { describeError } from '../env/not-supported.ts';
import { note, type RunContext } from './context.ts';

export async function runCycles(ctx: RunContext, org: string, count: number): Promise<void> {
  const orgs = org === 'all' ? ctx.scenario.world.salesforce.orgs.map((o) => o.id) : [org];
  for (let i = 0; i < count; i++) for (const id of orgs) await runOneCycle(ctx, id);
}

export async function runOneCycle(ctx: RunContext, org: string): Promise<CycleRecord> {
  const ex = ctx.env.exchange.trace;
  const sf = ctx.env.salesforce.trace;
  const exMark = ex.lastSeq();
  const sfMark = sf.lastSeq();
  const startedAt = ctx.clock.now();
  const n = ctx.cycles.filter((c) => c.org === org).length + 1;
  let summary;
  try {
    summary = await ctx.env.engines.runCycle(org);
  } catch (error) {
    const record = measure(org, n, startedAt, ctx.clock.now(), ex.since(exMark), sf.since(sfMark));
    record.errors.push({ code: 'CYCLE_CRASHED', message: describeError(error) });
    ctx.cycles.push(record);
    note(ctx, { kind: 'error', org, label: `cycle ${n} crashed`, detail: describeError(error) });
    throw error;
  }
  const record = measure(org, n, startedAt, ctx.clock.now(), ex.since(exMark), sf.since(sfMark));
  record.errors.push(...summary.errors);
  record.findings = summary.findings.length;
  ctx.cycles.push(record);
  ctx.findings.push(...summary.findings);
  (ctx.orgStatus ??= new Map()).set(org, { n, endedAt: ctx.clock.now(), status: summary.status, errors: summary.errors.map((e) => `${e.code}: ${e.message}`) });
  note(ctx, {
    at: startedAt,
    kind: 'cycle',
    org,
    label: `cycle ${n}: ${summary.reps} rep${summary.reps === 1 ? '' : 's'}, ${summary.actions.filter((a) => a.kind !== 'skip').length} actions`,
    requests: record.requests,
    writes: record.writes,
    ...(summary.errors.length ? { detail: summary.errors.map((e) => `${e.code}: ${e.message}`).join('\n') } : {}),
  });
  for (const fault of record.faults) note(ctx, { kind: 'fault', org, label: `fault ${fault} fired` });
  for (const f of summary.findings) note(ctx, { at: f.at, kind: 'finding', org, label: `${f.kind} (${f.rule})`, detail: f.message });
  return record;
}

function measure(org: string, n: number, startedAt: number, endedAt: number, ex: TraceEntry[], sf: TraceEntry[]): CycleRecord {
  const operations: Record<string, number> = {};
  for (const e of [...ex, ...sf]) {
    const key = `${e.sim === 'exchange' ? 'EX' : 'SF'} ${e.operation}`;
    operations[key] = (operations[key] ?? 0) + 1;
  }
  const faults = [...new Set([...ex, ...sf].filter((e) => e.faultId).map((e) => e.faultId!))].sort();
  return {
    org,
    n,
    startedAt,
    endedAt,
    requests: { exchange: ex.length, salesforce: sf.length },
    writes: { exchange: ex.filter((e) => e.write).length, salesforce: sf.filter((e) => e.write).length },
    operations: Object.fromEntries(Object.entries(operations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    errors: [],
    findings: 0,
    faults,
  };
}
