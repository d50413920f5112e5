/**
 * @module
 * `synclab connection-test --config engine.yaml --rep EMAIL [--org LABEL] [--json]`: the Lightning Sync connection
 * test (CONN-09) for one rep — credentials, Autodiscover, EWS, impersonation, mailbox version, folders — with the
 * failing check and what to do. Read-only.
 */
import { parseArgs } from 'node:util';
import { SystemClock } from '../time/clock.ts';
import { redactString } from '../util/redact.ts';
import { createSyncEngine } from '../sync/index.ts';
import type { ConnectionTestResult } from '../sync/api.ts';
import { EngineYamlError, loadEngineYaml, pickOrgs } from './engine-yaml.ts';

export const summary = 'run the Lightning Sync connection test for one rep (CONN-09)';

const HELP = `Usage: synclab connection-test --config engine.yaml --rep EMAIL [--org LABEL] [--json]

Checks every point of connectivity for one rep's mailbox and prints "Connectivity Test Successful",
"Connectivity Test Successful with Warnings" or "Connectivity Test Failed" with the failing check and what to do.

Options:
  --config FILE   engine.yaml (required)
  --rep EMAIL     the rep's mailbox address (required)
  --org LABEL     which org of a multi-org engine.yaml (required when it has several)
  --json          print the result as JSON
  -h, --help      show this help

Exit codes: 0 successful (with or without warnings), 1 failed, 2 usage or configuration error.
`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { config: { type: 'string' }, rep: { type: 'string' }, org: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`synclab connection-test: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.config || !values.rep) {
    process.stderr.write(`synclab connection-test: --config and --rep are required\n\n${HELP}`);
    return 2;
  }
  let result: ConnectionTestResult;
  try {
    const configs = pickOrgs(await loadEngineYaml(values.config), values.org);
    if (configs.length > 1) {
      process.stderr.write(`synclab connection-test: engine.yaml has ${configs.length} orgs (${configs.map((c) => c.orgLabel).join(', ')}); pick one with --org\n`);
      return 2;
    }
    const engine = createSyncEngine(configs[0]!, { clock: new SystemClock() });
    try {
      result = await engine.connectionTest(values.rep);
    } finally {
      await engine.close();
    }
  } catch (error) {
    process.stderr.write(`synclab connection-test: ${error instanceof EngineYamlError ? error.message : redactString((error as Error).message)}\n`);
    return 2;
  }
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result));
  return result.verdict === 'Connectivity Test Failed' ? 1 : 0;
}

export function formatResult(r: ConnectionTestResult): string {
  const lines = [`Connection test for ${r.rep}`];
  for (const c of r.checks) {
    lines.push(`  ${c.ok ? (c.warning ? 'WARN' : ' OK ') : 'FAIL'}  ${c.name}: ${c.detail}`);
    if (c.fix && (!c.ok || c.warning)) lines.push(`        what to do: ${c.fix}`);
  }
  lines.push(r.verdict);
  return `${redactString(lines.join('\n'))}\n`;
}
