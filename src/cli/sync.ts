/**
 * @module
 * `synclab sync --config engine.yaml [--once | --interval 5m] [--state DIR] [--org LABEL] [--dry-run] [--json]`:
 * runs the engine against the servers engine.yaml names (the sims `synclab serve` started, or real ones) and prints
 * each cycle's summary. This is how a developer reproduces a sync bug outside a scenario.
 */
import { parseArgs } from 'node:util';
import { SystemClock, parseDuration } from '../time/clock.ts';
import { redact, redactString } from '../util/redact.ts';
import { createSyncEngine } from '../sync/index.ts';
import type { CycleSummary, SyncEngine } from '../sync/api.ts';
import { EngineYamlError, loadEngineYaml, pickOrgs } from './engine-yaml.ts';

export const summary = 'run the sync engine against the servers engine.yaml names (once or on an interval)';

const HELP = `Usage: synclab sync --config engine.yaml [--once | --interval 5m] [--state DIR] [--org LABEL] [--dry-run] [--json]

Runs one engine per org named in engine.yaml (docs/engine-config.md) and prints each cycle's summary: reps, items
read and written on each side, findings and errors.

Options:
  --config FILE     engine.yaml (required)
  --once            run one cycle and exit (default when --interval is absent)
  --interval DUR    run a cycle every DUR (e.g. 30s, 5m, 1h) until Ctrl-C
  --state DIR       state directory (overrides stateDir in engine.yaml)
  --org LABEL       only this org of a multi-org engine.yaml
  --dry-run         read both sides and print the plan; write nothing
  --json            print each summary as one JSON line
  -h, --help        show this help

Exit codes: 0 the last cycle had no errors, 1 it had errors, 2 usage or configuration error.
`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        config: { type: 'string' }, once: { type: 'boolean' }, interval: { type: 'string' }, state: { type: 'string' },
        org: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`synclab sync: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.config) {
    process.stderr.write(`synclab sync: --config engine.yaml is required\n\n${HELP}`);
    return 2;
  }
  if (values.once && values.interval) {
    process.stderr.write('synclab sync: use either --once or --interval, not both\n');
    return 2;
  }
  let intervalMs: number | undefined;
  try {
    intervalMs = values.interval ? parseDuration(values.interval) : undefined;
  } catch (error) {
    process.stderr.write(`synclab sync: --interval: ${(error as Error).message}\n`);
    return 2;
  }
  let engines: SyncEngine[];
  const clock = new SystemClock();
  try {
    const configs = pickOrgs(await loadEngineYaml(values.config, values.state), values.org);
    engines = configs.map((c) => createSyncEngine({ ...c, options: { ...c.options, ...(values['dry-run'] ? { dryRun: true } : {}) } }, { clock }));
  } catch (error) {
    process.stderr.write(`synclab sync: ${error instanceof EngineYamlError ? error.message : redactString((error as Error).message)}\n`);
    return 2;
  }

  // ews-javascript-api 0.15.3 answers an HTTP 500 with a non-SOAP body with a promise that never settles plus an
  // unhandledRejection (client-probe §3.6). The engine's own per-call timeout rejects the hung call; this keeps a
  // long-running --interval process alive instead of letting Node 20 exit on the stray rejection.
  const onStray = (reason: unknown) => {
    process.stderr.write(`synclab sync: ignored an unhandled rejection from a client library: ${redactString(String((reason as Error)?.message ?? reason))}\n`);
  };
  process.on('unhandledRejection', onStray);
  let stop = false;
  const onSignal = () => {
    stop = true;
    process.stderr.write('synclab sync: stopping after the current cycle…\n');
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let errors = 0;
  try {
    do {
      errors = 0;
      for (const engine of engines) {
        const result = await engine.runCycle();
        errors += result.errors.length;
        process.stdout.write(values.json ? `${JSON.stringify(redact(result))}\n` : formatSummary(result));
      }
      if (intervalMs === undefined || stop) break;
      await sleepUnlessStopped(intervalMs, () => stop);
    } while (!stop);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('unhandledRejection', onStray);
    for (const engine of engines) await engine.close();
  }
  return errors > 0 ? 1 : 0;
}

export function formatSummary(s: CycleSummary): string {
  const at = new Date(s.endedAt).toISOString();
  const lines = [
    `[${at}] org ${s.org}: ${s.reps} rep(s), read SF ${s.read.salesforce} / EX ${s.read.exchange}, written SF ${s.written.salesforce} / EX ${s.written.exchange}, ` +
      `${s.actions.length} action(s), ${s.findings.length} finding(s), ${s.errors.length} error(s) in ${s.endedAt - s.startedAt} ms`,
  ];
  if (s.status) {
    const sys = s.status.system;
    const act = s.status.activity;
    lines.push(`  status  service account ${sys.serviceAccountUserName} (recognised: ${sys.serviceAccountRecognized === null ? 'not checked' : sys.serviceAccountRecognized ? 'yes' : 'no'}), ` +
      `Outlook integration ${sys.outlookIntegrationEnabled}, linked users ${sys.linkedUsers.count} (${sys.linkedUsers.verdict}); ` +
      `synced last 60 min / 24 h: contacts ${act.Contact.last60Minutes} / ${act.Contact.last24Hours}, events ${act.Event.last60Minutes} / ${act.Event.last24Hours}`);
  }
  for (const a of s.actions.slice(0, 50)) lines.push(`  action  ${a.rule.padEnd(7)} ${a.kind} ${a.side} ${a.object} ${a.rep} ${a.sfId ?? ''} ${a.exId ? a.exId.slice(0, 20) + '…' : ''}${a.reason ? ` — ${a.reason}` : ''}`);
  if (s.actions.length > 50) lines.push(`  … ${s.actions.length - 50} more action(s) (use --json for all)`);
  for (const f of s.findings) lines.push(`  finding ${f.rule.padEnd(7)} ${f.kind}: ${f.message}`);
  for (const e of s.errors) lines.push(`  error   ${(e.rule ?? '').padEnd(7)} ${e.code}${e.rep ? ` (${e.rep})` : ''}: ${e.message}`);
  return `${redactString(lines.join('\n'))}\n`;
}

async function sleepUnlessStopped(ms: number, stopped: () => boolean): Promise<void> {
  const step = 250;
  for (let waited = 0; waited < ms && !stopped(); waited += step) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(step, ms - waited)));
  }
}
