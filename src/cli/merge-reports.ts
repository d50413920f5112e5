/**
 * @module
 * `synclab merge-reports <report.json|dir>… --report DIR`: combines the report.json of several shards into one report
 * (all four files), recomputing the summary, rule matrix and coverage. A scenario id found in two inputs is an error:
 * the shards overlapped.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport } from '../report/build-report.ts';
import { DEFAULT_KNOWN_FAILURES, loadKnownFailures } from '../report/known-failures.ts';
import type { RunReport } from '../report/model.ts';
import { createReporters, DEFAULT_REPORTERS, REPORTER_NAMES } from '../report/reporter.ts';
import { makeRunId, writeReport } from '../report/write-report.ts';

export const summary = 'combine the report.json of several shards into one report';

const HELP = `Usage: synclab merge-reports <report.json or report dir>… [--report DIR] [--reporter LIST] [--known FILE]

Merges shard reports written by \`synclab run --shard i/n\` into one report (default reports/latest).
  --reporter LIST  ${REPORTER_NAMES.join(', ')} (default all)
  --known FILE     known failures to classify against (default ${DEFAULT_KNOWN_FAILURES})
Exit codes: 0 merged and no regressions, 1 regressions, 2 usage error or unreadable/overlapping inputs.
`;

export async function run(argv: string[]): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { report: { type: 'string' }, reporter: { type: 'string' }, known: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) return fail('give at least one report.json (or report directory) to merge');
  const inputs: RunReport[] = [];
  for (const input of positionals) {
    const file = (await stat(input).catch(() => undefined))?.isDirectory() ? path.join(input, 'report.json') : input;
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as RunReport;
      if (parsed.format !== 'synclab-report/1') return fail(`${file} is not a synclab report (format "${String(parsed.format)}", expected "synclab-report/1")`);
      inputs.push(parsed);
    } catch (error) {
      return fail(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const seen = new Map<string, number>();
  for (const [i, r] of inputs.entries()) {
    for (const s of r.scenarios) {
      if (seen.has(s.id)) return fail(`scenario ${s.id} is in both ${positionals[seen.get(s.id)!]} and ${positionals[i]} — the shards overlap`);
      seen.set(s.id, i);
    }
  }
  let reporters;
  let known;
  try {
    reporters = await createReporters((values.reporter ?? DEFAULT_REPORTERS.join(',')).split(','));
    known = await loadKnownFailures(values.known);
  } catch (error) {
    return fail((error as Error).message);
  }
  const first = inputs[0]!;
  const startedAt = inputs.map((r) => r.wallClock.startedAt).sort()[0]!;
  const finishedAt = inputs.map((r) => r.wallClock.finishedAt).sort().at(-1)!;
  const report = buildReport({
    results: inputs.flatMap((r) => r.scenarios.map((s) => ({ ...s, expectations: s.expectations.map(({ classification: _c, known: _k, ...e }) => e) }))),
    info: { ...first.run, shard: null, paths: [...new Set(inputs.flatMap((r) => r.run.paths))].sort() },
    known,
    wallClock: { runId: makeRunId(new Date(finishedAt), first.run.gitRevision), startedAt, finishedAt, durationMs: inputs.reduce((n, r) => n + r.wallClock.durationMs, 0), workers: inputs.reduce((n, r) => n + r.wallClock.workers, 0) },
  });
  const written = await writeReport(report, reporters, values.report ?? 'reports/latest');
  process.stdout.write(`merged ${inputs.length} reports (${report.scenarios.length} scenarios): ${report.summary.regressions} regressions — ${written.dir}/index.html\n`);
  return report.summary.ok ? 0 : 1;
}

function fail(message: string): number {
  process.stderr.write(`synclab merge-reports: ${message}\n\n${HELP}`);
  return 2;
}
