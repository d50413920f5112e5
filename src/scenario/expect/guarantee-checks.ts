/**
 * @module
 * Expectations on the engine's guarantees that need the whole run: back-off honoured after throttling (G-06) and a
 * byte-for-byte replay with the same seed (G-08).
 */
import type { ExpectArgs } from '../schema.ts';
import type { RunContext } from '../run/context.ts';
import { fail, pass, type Outcome } from './outcome.ts';

/**
 * G-06: after each request the fault answered, the next request to the same target (mailbox / org) comes no earlier
 * than the fault's BackOffMilliseconds / Retry-After, in scenario time.
 */
export function checkBackoff(ctx: RunContext, a: ExpectArgs<'backoff'>): Outcome {
  const entry = ctx.scenario.steps.flatMap((s) => (s.kind === 'faults' && Array.isArray(s.args) ? s.args : [])).find((f) => f.id === a.fault);
  if (!entry) return fail(`no faults: entry with id ${a.fault} in this scenario`, a, null);
  const effect = entry.effect;
  const waitMs = effect.kind === 'server-busy' ? effect.backOffMs : effect.kind === 'http-503' ? (effect.retryAfterSeconds ?? 0) * 1000 : undefined;
  if (waitMs === undefined) return fail(`fault ${a.fault} is ${effect.kind}, which asks for no back-off — use server-busy or http-503`, a, null);
  const trace = entry.sim === 'exchange' ? ctx.env.exchange.trace : ctx.env.salesforce.trace;
  const entries = trace.entries();
  const fired = entries.filter((e) => e.faultId === a.fault);
  if (fired.length === 0) return fail(`fault ${a.fault} never fired, so back-off could not be observed`, { fired: { gte: 1 } }, { fired: 0 });
  const early: string[] = [];
  for (const f of fired) {
    const next = entries.find((e) => e.seq > f.seq && (e.target ?? '') === (f.target ?? ''));
    if (next && next.at < f.at + waitMs) early.push(`${next.operation} ${next.at - f.at} ms after the fault on ${f.target ?? 'the server'} (back-off ${waitMs} ms)`);
  }
  return early.length === 0 ? pass({ fired: fired.length }) : fail(`request(s) before the back-off passed: ${early.join('; ')}`, { waitMs }, early);
}

/**
 * G-08: runs the scenario again from scratch (fresh sims and engine, same seed) and compares what is observable —
 * every cycle's requests, writes and operations, every finding, and the final-state diff — with this run.
 */
export async function checkReplay(ctx: RunContext): Promise<Outcome> {
  if (ctx.replaying) return pass();
  const { runScenario } = await import('../run.ts');
  const { diffStates, snapshotState } = await import('../run/diff.ts');
  const replay = await runScenario(ctx.scenario, { seed: ctx.seed, replaying: true });
  const here = {
    cycles: ctx.cycles.map(({ org, n, startedAt, endedAt, requests, writes, operations }) => ({ org, n, startedAt, endedAt, requests, writes, operations })),
    findings: ctx.findings,
    diffs: ctx.initial ? diffStates(ctx.initial, await snapshotState(ctx.env, ctx.scenario)) : [],
  };
  // The replay ran to the end of the scenario; compare only the cycles this run has reached so far.
  const there = {
    cycles: replay.result.cycles.slice(0, here.cycles.length).map(({ org, n, startedAt, endedAt, requests, writes, operations }) => ({ org, n, startedAt, endedAt, requests, writes, operations })),
    findings: replay.result.findings.slice(0, here.findings.length),
    diffs: replay.result.diffs,
  };
  const differences = (['cycles', 'findings', 'diffs'] as const).filter((k) => JSON.stringify(here[k]) !== JSON.stringify(k === 'diffs' ? here.diffs.slice(0, there.diffs.length) : there[k]));
  if (differences.length === 0) return pass({ cycles: here.cycles.length, findings: here.findings.length });
  const k = differences[0]!;
  const label = { cycles: 'cycles', findings: 'findings', diffs: 'final state' } as const;
  return fail(`the replay with seed ${ctx.seed} differs in ${differences.map((d) => label[d]).join(', ')}`, { [k]: here[k] }, { [k]: there[k] });
}
