/**
 * @module
 * `synclab rehearse ORG.yaml [--days N] [--interval DUR] [--seed N] [--report DIR] [--dry-run]`: builds the admin's
 * company in both sims, runs the rollout with the real engine in scenario time and writes the risk report
 * (docs/rehearsal.md).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDuration } from '../time/clock.ts';
import { redactString } from '../util/redact.ts';
import { ScenarioValidationError } from '../scenario/load/scenario-error.ts';
import { loadOrgFile } from '../rehearsal/load.ts';
import { DEFAULT_DAYS, runRehearsal } from '../rehearsal/run.ts';
import { buildRehearsalReport } from '../rehearsal/report-model.ts';
import { writeRehearsalReport } from '../rehearsal/write-report.ts';

export const summary = 'rehearse a Lightning Sync rollout on a simulated copy of your company (ORG.yaml)';

const HELP = `Usage: synclab rehearse ORG.yaml [--days N] [--interval DUR] [--seed N] [--report DIR] [--dry-run]

Builds the company ORG.yaml describes in both sims, runs the initial sync and N days of seeded rep activity with the
real engine in scenario time, and writes index.html, report.json and summary.md: every risk found (with the SPEC
rule and the admin guide's fix), the predicted initial-sync duration, API requests per day against each org's
limit, and the per-rep status table.

Options:
  --days N         days of activity after the initial sync (default ${DEFAULT_DAYS})
  --interval DUR   scenario time between cycles, e.g. 15m, 1h (default 1h)
  --seed N         overrides the file's seed
  --report DIR     report directory (default reports/rehearsal)
  --dry-run        plan the first cycle per rep and write nothing to either sim
  -h, --help       show this help

Exit codes: 0 report written, 2 usage error or invalid ORG.yaml.
`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: {
      days: { type: 'string' }, interval: { type: 'string' }, seed: { type: 'string' }, report: { type: 'string' },
      'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    } });
  } catch (error) {
    process.stderr.write(`synclab rehearse: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) { process.stdout.write(HELP); return 0; }
  if (positionals.length !== 1) { process.stderr.write(`synclab rehearse: give exactly one ORG.yaml (got ${positionals.length})\n\n${HELP}`); return 2; }
  const int = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, got "${text}"`);
    return Number(text);
  };
  let days: number | undefined, seed: number | undefined, intervalMs: number | undefined;
  try {
    days = int('days', values.days);
    seed = int('seed', values.seed);
    intervalMs = values.interval === undefined ? undefined : parseDuration(values.interval);
    if (intervalMs !== undefined && intervalMs < 60_000) throw new UsageError(`--interval must be at least 1m, got "${values.interval}"`);
  } catch (error) {
    process.stderr.write(`synclab rehearse: ${(error as Error).message}\n`);
    return 2;
  }
  const file = positionals[0]!;
  let org;
  try {
    org = await loadOrgFile(file);
  } catch (error) {
    if (error instanceof ScenarioValidationError) { process.stderr.write(`${error.message}\n`); return 2; }
    throw error;
  }
  const result = await runRehearsal(org, { days, seed, intervalMs, dryRun: values['dry-run'] ?? false, onProgress: (l) => process.stderr.write(`rehearse: ${l}\n`) });
  const scrub = (s: string) => result.secrets.reduce((acc, secret) => acc.replaceAll(secret, '***'), redactString(s));
  const report = buildRehearsalReport(result, path.relative(process.cwd(), path.resolve(file)), scrub);
  const dir = values.report ?? path.join('reports', 'rehearsal');
  const written = await writeRehearsalReport(dir, report);
  const found = report.risks.filter((r) => r.total > 0);
  process.stdout.write(`${found.length} risk(s) found: ${found.map((r) => `${r.title} (${r.total})`).join('; ') || 'none'}\n`);
  process.stdout.write(`initial sync: ${report.initialSync.exchangeRequests} EWS + ${report.initialSync.salesforceRequests} Salesforce requests, predicted ${report.initialSync.predictedSeconds} s\n`);
  process.stdout.write(`report: ${written.join(', ')}\n`);
  return 0;
}

class UsageError extends Error {}
