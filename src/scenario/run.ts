/**
 * @module
 * Runs one scenario: fresh sims, one engine per org, one ScenarioClock — nothing shared with any other scenario.
 * Steps run in order; `expect` checkpoints and the final expectations produce verdicts. If a step breaks, the run
 * stops there and every expectation not yet checked becomes ERROR (or SKIP, when the cause is a capability the sims
 * or engine do not have yet) carrying the cause — never a silent pass.
 */
import { MAX_DIFFS, type ExpectationResult, type ScenarioResult, type Verdict } from '../report/model.ts';
import { ScenarioClock } from '../time/clock.ts';
import { describeError, NotSupportedError } from './env/not-supported.ts';
import { startEnvironment } from './env/environment.ts';
import type { Environment } from './env/types.ts';
import { evaluate, nameOf, rulesOf } from './expect/evaluate.ts';
import { note, type RunContext } from './run/context.ts';
import { diffStates, snapshotState, type StateSnapshot } from './run/diff.ts';
import type { Expectation, Scenario, ScenarioStep } from './schema.ts';
import { describeStep, STEP_HANDLERS } from './steps/index.ts';
import { expectFailure } from './run/expect-error.ts';
import { DEFAULT_SCENARIO_TIMEOUT_MS, deadlineIn, withDeadline } from './run/deadline.ts';

export interface ScenarioRun {
  result: ScenarioResult;
  /** Literal secrets of the world, for the report's scrubber; never written anywhere. */
  secrets: string[];
  versions?: Environment['versions'];
}

export interface RunScenarioOptions {
  /** --seed: overrides the scenario's seed. */
  seed?: number;
  /** Internal: this run is the replay of a `replay` expectation (which then is not evaluated again). */
  replaying?: boolean;
  /** Wall-clock limit for the whole scenario, ms (default 5 minutes). */
  timeoutMs?: number;
  /** Injected for tests; default starts the real sims and engine. */
  startEnvironment?: typeof startEnvironment;
}

export async function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
  const started = performance.now();
  const seed = options.seed ?? scenario.seed;
  const clock = new ScenarioClock(scenario.clock.start);
  const partial = { timeline: [] as ScenarioResult['timeline'], results: [] as ExpectationResult[] };
  let env: Environment | undefined;
  try {
    env = await (options.startEnvironment ?? startEnvironment)({ scenario, clock, seed });
  } catch (error) {
    const reason = `could not start the scenario's world: ${describeError(error)}`;
    const verdict: Verdict = error instanceof NotSupportedError ? 'SKIP' : 'ERROR';
    const results = allExpectations(scenario).map(({ e, id }) => unrun(scenario, e, id, verdict, reason, clock.now()));
    return { result: finish(scenario, seed, results, [{ at: clock.now(), kind: 'error', label: reason }], [], [], [], started, reason), secrets: [] };
  }

  const ctx: RunContext = { scenario, seed, clock, env, timeline: partial.timeline, cycles: [], findings: [], connectionTests: new Map(), results: partial.results, createdRefs: new Map(), deadline: deadlineIn(options.timeoutMs ?? DEFAULT_SCENARIO_TIMEOUT_MS), ...(options.replaying ? { replaying: true } : {}) };
  let initial: StateSnapshot | undefined;
  let broken: { reason: string; verdict: Verdict } | undefined;
  try {
    initial = await snapshotState(env, scenario).catch(() => undefined);
    ctx.initial = initial;
    for (const step of scenario.steps) {
      if (broken) {
        if (step.kind === 'expect') step.args.forEach((e, j) => ctx.results.push(unrun(scenario, e, `${scenario.id}#steps[${step.index}].expect[${j}]`, broken!.verdict, broken!.reason, clock.now())));
        else if (step.expectError !== undefined) ctx.results.push(unrunStep(scenario, step, broken, clock.now()));
        continue;
      }
      if (step.kind === 'expect') {
        note(ctx, { kind: 'step', label: describeStep(step) });
        for (const [j, e] of step.args.entries()) ctx.results.push(await evaluate(ctx, e, `${scenario.id}#steps[${step.index}].expect[${j}]`));
        if (performance.now() > ctx.deadline!.at) broken = { verdict: 'ERROR', reason: `the scenario ran out of wall time at steps[${step.index}]` };
        continue;
      }
      note(ctx, { kind: 'step', label: describeStep(step) });
      if (step.expectError !== undefined) {
        ctx.results.push(await withDeadline(ctx.deadline, describeStep(step), () => expectFailure(ctx, step)).catch((error) => {
          broken = { verdict: 'ERROR', reason: `steps[${step.index}] ${describeStep(step)} failed: ${describeError(error)}` };
          return unrunStep(scenario, step, broken, clock.now());
        }));
        continue;
      }
      try {
        await withDeadline(ctx.deadline, `steps[${step.index}] ${describeStep(step)}`, () => STEP_HANDLERS[step.kind](ctx, step.args as never));
      } catch (error) {
        const skip = error instanceof NotSupportedError;
        broken = { verdict: skip ? 'SKIP' : 'ERROR', reason: `steps[${step.index}] ${describeStep(step)} failed: ${describeError(error)}` };
        note(ctx, { kind: 'error', label: `step failed: ${describeStep(step)}`, detail: describeError(error) });
      }
    }
    for (const [i, e] of scenario.expect.entries()) {
      const id = `${scenario.id}#expect[${i}]`;
      ctx.results.push(broken ? unrun(scenario, e, id, broken.verdict, broken.reason, clock.now()) : await evaluate(ctx, e, id));
    }
    const final = initial ? await snapshotState(env, scenario).catch(() => undefined) : undefined;
    const diffs = initial && final ? diffStates(initial, final) : [];
    return {
      result: finish(scenario, seed, ctx.results, ctx.timeline, ctx.cycles, ctx.findings, diffs, started),
      secrets: env.secrets,
      versions: env.versions,
    };
  } finally {
    // A hung engine must not hang the suite: closing gets its own short limit.
    await withDeadline(deadlineIn(15_000), 'closing the world', () => env.close()).catch(() => undefined);
  }
}

function unrunStep(scenario: Scenario, step: ScenarioStep, broken: { reason: string; verdict: Verdict }, at: number): ExpectationResult {
  return { id: `${scenario.id}#steps[${step.index}].expectError`, scenario: scenario.id, name: step.name ?? `${describeStep(step)} is refused`, kind: 'step-error', rules: [...scenario.rules], verdict: broken.verdict, message: `not checked: ${broken.reason}`, at, durationMs: 0 };
}

function allExpectations(scenario: Scenario): Array<{ e: Expectation; id: string }> {
  const out: Array<{ e: Expectation; id: string }> = [];
  for (const step of scenario.steps) if (step.kind === 'expect') step.args.forEach((e, j) => out.push({ e, id: `${scenario.id}#steps[${step.index}].expect[${j}]` }));
  scenario.expect.forEach((e, i) => out.push({ e, id: `${scenario.id}#expect[${i}]` }));
  return out;
}

function unrun(scenario: Scenario, e: Expectation, id: string, verdict: Verdict, reason: string, at: number): ExpectationResult {
  const rules = rulesOf({ scenario } as RunContext, e);
  return { id, scenario: scenario.id, name: nameOf(e), kind: e.kind, rules, verdict, message: `not checked: ${reason}`, at, durationMs: 0 };
}

function finish(
  scenario: Scenario, seed: number, results: ExpectationResult[], timeline: ScenarioResult['timeline'], cycles: ScenarioResult['cycles'],
  findings: ScenarioResult['findings'], diffs: ScenarioResult['diffs'], started: number, error?: string,
): ScenarioResult {
  return {
    id: scenario.id,
    title: scenario.title,
    file: scenario.source.file,
    rules: scenario.rules,
    tags: scenario.tags,
    seed,
    ...(scenario.clock.zone !== 'UTC' ? { zone: scenario.clock.zone } : {}),
    verdict: worst(results.map((r) => r.verdict)),
    ...(error ? { error } : {}),
    expectations: results,
    timeline,
    cycles,
    findings,
    diffs: diffs.slice(0, MAX_DIFFS),
    ...(diffs.length > MAX_DIFFS ? { diffsOmitted: diffs.length - MAX_DIFFS } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

export function worst(verdicts: Verdict[]): Verdict {
  if (verdicts.length === 0) return 'SKIP';
  for (const v of ['FAIL', 'ERROR', 'SKIP'] as const) if (verdicts.includes(v)) return v;
  return 'PASS';
}
