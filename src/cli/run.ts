/**
 * @module
 * `synclab run [paths…]`: runs scenario files and writes the conformance report. Exit 0 when nothing regressed
 * (known failures allowed), 1 on any regression, 2 on usage errors or when any scenario file is invalid.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { buildReport } from '../report/build-report.ts';
import { DEFAULT_KNOWN_FAILURES, loadKnownFailures } from '../report/known-failures.ts';
import { ProgressReporter } from '../report/progress-reporter.ts';
import { createReporters, DEFAULT_REPORTERS, REPORTER_NAMES } from '../report/reporter.ts';
import { runInfo } from '../report/run-info.ts';
import { makeRunId, writeReport } from '../report/write-report.ts';
import { parseShard, type Shard } from '../scenario/shard.ts';
import { parseDuration } from '../time/clock.ts';
import { runSuite } from '../scenario/suite.ts';

export const summary = 'run scenarios and write the conformance report (json, junit, markdown, html)';

const HELP = `Usage: synclab run [paths…] [options]

Runs scenario files (default: scenarios/) against fresh simulators and the sync engine, then writes the report.

Options:
  --report DIR        report directory (default reports/latest). A directory named "latest" is written as
                      reports/<run-id>/ and copied to DIR, so every run is kept.
  --seed N            override every scenario's seed
  --workers N         parallel worker processes (default: number of cores)
  --shard i/n         run only shard i of n (deterministic by scenario id); combine with merge-reports
  --reporter LIST     comma-separated: ${REPORTER_NAMES.join(', ')} (default all)
  --known FILE        known failures (default ${DEFAULT_KNOWN_FAILURES})
  --timeout D         wall-clock limit per scenario, e.g. 90s, 10m (default 5m); past it the scenario is ERROR
  --tag T             run only scenarios tagged T (repeatable)
  --skip-tag T        leave out scenarios tagged T, e.g. --skip-tag slow (repeatable)
  -h, --help          show this help

Exit codes: 0 no regressions, 1 failures or errors not listed as known, 2 usage error or invalid scenario file.
Environment: NO_COLOR disables colour; progress is a bar on a TTY, one line per scenario otherwise.
`;

export async function run(argv: string[]): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        report: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        shard: { type: 'string' },
        reporter: { type: 'string' },
        known: { type: 'string' },
        tag: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        'skip-tag': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0)) return usage(`--seed "${values.seed}" is not a seed — expected a whole number ≥ 0, e.g. --seed 42`);
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!(Number.isInteger(workers) && workers >= 1)) return usage(`--workers "${values.workers}" is not a worker count — expected a whole number ≥ 1`);
  let timeoutMs: number | undefined;
  try {
    timeoutMs = values.timeout ? parseDuration(values.timeout) : undefined;
  } catch {
    return usage(`--timeout "${values.timeout}" is not a duration — expected e.g. 90s, 10m`);
  }
  let shard: Shard | null = null;
  try {
    shard = values.shard ? parseShard(values.shard) : null;
  } catch (error) {
    return usage((error as Error).message);
  }
  const names = (values.reporter ?? DEFAULT_REPORTERS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  let reporters;
  let known;
  try {
    reporters = await createReporters(names);
    known = await loadKnownFailures(values.known);
  } catch (error) {
    return usage((error as Error).message);
  }
  const paths = positionals.length ? positionals : ['scenarios/'];
  if (!paths.some((p) => existsSync(p))) return usage(`no such file or directory: ${paths.join(', ')} — give scenario files or folders (default scenarios/)`);
  const startedAt = new Date();
  const progress = new ProgressReporter();
  const tags = (values.tag ?? []).flatMap((t) => t.split(',')).filter(Boolean);
  const skipTags = (values['skip-tag'] ?? []).flatMap((t) => t.split(',')).filter(Boolean);
  const suite = await runSuite({ paths, ...(seed !== undefined ? { seed } : {}), workers, shard, tags, skipTags, ...(timeoutMs ? { timeoutMs } : {}), reporters: [progress, ...reporters] });
  const finishedAt = new Date();
  if (suite.runs.length === 0) {
    process.stderr.write(`synclab run: no scenario files found in ${paths.join(', ')}${values.tag || values['skip-tag'] ? ' (after --tag/--skip-tag)' : ''} — expected *.yaml scenarios, see docs/scenarios.md\n`);
    return 2;
  }
  const info = runInfo({ seed: seed ?? null, shard, paths, ...(suite.runs.find((r) => r.versions) ? { versions: suite.runs.find((r) => r.versions)!.versions! } : {}) });
  const report = buildReport({
    results: suite.runs.map((r) => r.result),
    info,
    known,
    secrets: suite.runs.flatMap((r) => r.secrets),
    wallClock: { runId: makeRunId(startedAt, info.gitRevision), startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), durationMs: finishedAt.getTime() - startedAt.getTime(), workers },
  });
  const dir = values.report ?? 'reports/latest';
  const written = await writeReport(report, reporters, dir);
  printSummary(report, written.dir, written.archive);
  if (suite.invalid.length) return 2;
  return report.summary.ok ? 0 : 1;
}

function printSummary(report: ReturnType<typeof buildReport>, dir: string, archive?: string): void {
  const s = report.summary;
  const e = s.expectations;
  const lines = [
    `scenarios ${s.scenarios.total}: ${s.scenarios.PASS} pass, ${s.scenarios.FAIL} fail, ${s.scenarios.ERROR} error, ${s.scenarios.SKIP} skip`,
    `expectations ${e.total}: ${e.PASS} pass, ${e.FAIL} fail, ${e.ERROR} error, ${e.SKIP} skip — ${s.regressions} regression${s.regressions === 1 ? '' : 's'}, ${s.knownFailures} known failure${s.knownFailures === 1 ? '' : 's'}, ${s.fixed} fixed`,
    `rules covered ${report.coverage.covered}/${report.coverage.total} (${report.coverage.passing} passing)`,
    `report: ${dir}/index.html${archive ? ` (archived in ${archive})` : ''}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function usage(message: string): number {
  process.stderr.write(`synclab run: ${message}\n\n${HELP}`);
  return 2;
}
