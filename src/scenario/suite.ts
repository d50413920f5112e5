/**
 * @module
 * Runs a set of scenario files: loads and validates them (a bad file becomes an ERROR scenario, the rest still run),
 * applies the shard, runs scenarios in-process (1 worker) or in N child processes, feeds reporter hooks as results
 * arrive, and returns the results in id order (so output never depends on worker timing).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ConformanceReporter } from '../report/reporter.ts';
import type { ScenarioResult } from '../report/model.ts';
import { formatProblem, loadScenarios, type InvalidScenarioFile } from './load.ts';
import { runScenario, type ScenarioRun } from './run.ts';
import type { Scenario } from './schema.ts';
import { inShard, type Shard } from './shard.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

export interface SuiteOptions {
  paths: string[];
  seed?: number;
  workers: number;
  shard: Shard | null;
  reporters: readonly ConformanceReporter[];
  /** Run only scenarios with at least one of these tags. */
  tags?: string[];
  /** Leave out scenarios with any of these tags (e.g. slow). */
  skipTags?: string[];
  /** Wall-clock limit per scenario, ms. */
  timeoutMs?: number;
}

export interface SuiteResult {
  runs: ScenarioRun[];
  invalid: InvalidScenarioFile[];
}

export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const loaded = await loadScenarios(options.paths);
  const selected = loaded.scenarios.filter(
    (s) => (!options.tags?.length || s.tags.some((t) => options.tags!.includes(t))) && !s.tags.some((t) => options.skipTags?.includes(t)),
  );
  // Slow scenarios start first so the other workers keep busy while they run; results are re-sorted by id anyway.
  const scenarios = inShard(selected, (s) => s.id, options.shard).sort((a, b) => Number(b.tags.includes('slow')) - Number(a.tags.includes('slow')));
  const invalid = inShard(loaded.invalid, (f) => f.file, options.shard);
  const workers = Math.max(1, Math.min(options.workers, scenarios.length));
  for (const r of options.reporters) r.onRunStart?.({ total: scenarios.length + invalid.length, workers });

  const runs: ScenarioRun[] = invalid.map(invalidRun);
  for (const run of runs) report(options.reporters, run.result, true);
  const done = workers <= 1 ? await runInProcess(scenarios, options) : await runInWorkers(scenarios, workers, options);
  runs.push(...done);
  runs.sort((a, b) => (a.result.id < b.result.id ? -1 : a.result.id > b.result.id ? 1 : 0));
  return { runs, invalid };
}

function started(reporters: readonly ConformanceReporter[], header: { id: string; title: string; file: string }): void {
  for (const r of reporters) r.onScenarioStart?.(header);
}

function report(reporters: readonly ConformanceReporter[], result: ScenarioResult, announce = false): void {
  if (announce) started(reporters, result);
  for (const r of reporters) {
    for (const e of result.expectations) r.onExpectationResult?.(e);
    r.onScenarioEnd?.(result);
  }
}

async function runInProcess(scenarios: Scenario[], options: SuiteOptions): Promise<ScenarioRun[]> {
  const out: ScenarioRun[] = [];
  for (const scenario of scenarios) {
    let run: ScenarioRun;
    started(options.reporters, { id: scenario.id, title: scenario.title, file: scenario.source.file });
    try {
      run = await runScenario(scenario, { ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    } catch (error) {
      run = crashedRun(scenario.source.file, scenario, error instanceof Error ? error.stack ?? error.message : String(error));
    }
    report(options.reporters, run.result);
    out.push(run);
  }
  return out;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** tsx's loader by absolute URL: a bare `--import tsx` would resolve from the user's cwd, which may be anywhere. */
const TSX_LOADER = import.meta.resolve('tsx');

async function runInWorkers(scenarios: Scenario[], count: number, options: SuiteOptions): Promise<ScenarioRun[]> {
  const queue = [...scenarios];
  const out: ScenarioRun[] = [];
  const byFile = new Map(scenarios.map((s) => [s.source.file, s]));
  const startWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const child: ChildProcess = fork(WORKER, [], { execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      let current: string | undefined;
      const next = () => {
        const scenario = queue.shift();
        if (!scenario) {
          child.disconnect();
          return;
        }
        current = scenario.source.file;
        started(options.reporters, { id: scenario.id, title: scenario.title, file: scenario.source.file });
        child.send({ type: 'run', file: current, ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) } satisfies WorkerRequest);
      };
      child.on('message', (message: WorkerReply | { type: 'ready' }) => {
        if (message.type === 'ready') return next();
        const run = message.type === 'result' ? message.run : crashedRun(message.file, byFile.get(message.file), message.message);
        report(options.reporters, run.result);
        out.push(run);
        current = undefined;
        next();
      });
      child.on('exit', (code, signal) => {
        if (current) {
          // The worker died mid-scenario: that scenario is an ERROR, the others go to the remaining workers.
          const run = crashedRun(current, byFile.get(current), `worker exited (${signal ?? `code ${code}`}) while running this scenario`);
          current = undefined;
          report(options.reporters, run.result);
          out.push(run);
        }
        // A crashed worker is replaced while work remains — a bounded number of times, so a worker that cannot even
        // start (e.g. tsx missing) does not respawn forever.
        if ((code !== 0 || signal) && queue.length > 0 && respawns < scenarios.length) {
          respawns++;
          void startWorker().then(resolve);
        } else resolve();
      });
    });
  let respawns = 0;
  await Promise.all(Array.from({ length: count }, startWorker));
  // Anything still queued could not be run by any worker.
  for (const scenario of queue.splice(0)) {
    const run = crashedRun(scenario.source.file, scenario, 'no worker process could run it (workers kept crashing; see stderr)');
    report(options.reporters, run.result, true);
    out.push(run);
  }
  return out;
}

function invalidRun(file: InvalidScenarioFile): ScenarioRun {
  return {
    secrets: [],
    result: {
      id: file.file, title: `invalid scenario file ${file.file}`, file: file.file, rules: [], tags: [], seed: 0, verdict: 'ERROR',
      error: file.problems.map(formatProblem).join('\n'), expectations: [], timeline: [], cycles: [], findings: [], diffs: [], durationMs: 0,
    },
  };
}

function crashedRun(file: string, scenario: Scenario | undefined, message: string): ScenarioRun {
  return {
    secrets: [],
    result: {
      id: scenario?.id ?? file, title: scenario?.title ?? file, file, rules: scenario?.rules ?? [], tags: scenario?.tags ?? [], seed: scenario?.seed ?? 0,
      verdict: 'ERROR', error: `the runner crashed: ${message}`, expectations: [], timeline: [], cycles: [], findings: [], diffs: [], durationMs: 0,
    },
  };
}
