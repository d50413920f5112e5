/**
 * @module
 * `synclab validate [paths…]`: checks scenario files without running them. Prints every problem as
 * `file:line:col path: message`; exit 0 when all files are valid, 2 when any is invalid.
 */
import { parseArgs } from 'node:util';
import { formatProblem, loadScenarios } from '../scenario/load.ts';
import { DEFAULT_KNOWN_FAILURES, loadKnownFailures } from '../report/known-failures.ts';

export const summary = 'check scenario files (schema, rule IDs, refs) without running them';

const HELP = `Usage: synclab validate [paths…] [--json]

Checks scenario YAML files (default: scenarios/) against the scenario schema, the rule catalogue and the
cross-references between world, steps and expectations. Every problem is printed as file:line:col path: message.

Options:
  --json     print {"valid": [...ids], "invalid": [{file, problems}]} on stdout
  -h, --help show this help

Exit codes: 0 all valid, 2 any invalid file (or a usage error).
`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`synclab validate: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const paths = parsed.positionals.length ? parsed.positionals : ['scenarios/'];
  const { scenarios, invalid } = await loadScenarios(paths);
  // The known-failures file is part of the suite: malformed is an error, entries naming no scenario are warnings.
  let knownProblem: string | undefined;
  try {
    const ids = new Set(scenarios.map((sc) => sc.id));
    for (const entry of await loadKnownFailures()) {
      const hit = entry.scenario.endsWith('*') ? [...ids].some((id) => id.startsWith(entry.scenario.slice(0, -1))) : ids.has(entry.scenario);
      if (!hit && !parsedPathsAreSubset(paths)) process.stderr.write(`${DEFAULT_KNOWN_FAILURES}: warning: entry for "${entry.scenario}" matches no scenario — remove it or fix the id\n`);
    }
  } catch (error) {
    knownProblem = (error as Error).message;
    process.stderr.write(`${knownProblem}\n`);
  }
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify({ valid: scenarios.map((s) => s.id), invalid }, null, 2)}\n`);
  } else {
    for (const file of invalid) for (const problem of file.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    const total = scenarios.length + invalid.length;
    process.stdout.write(
      invalid.length === 0
        ? `${total} scenario file${total === 1 ? '' : 's'} valid\n`
        : `${invalid.length} of ${total} scenario files invalid (${invalid.reduce((n, f) => n + f.problems.length, 0)} problems)\n`,
    );
  }
  if (total(scenarios.length, invalid.length) === 0) {
    process.stderr.write(`synclab validate: no scenario files found in ${paths.join(', ')}\n`);
    return 2;
  }
  return invalid.length || knownProblem ? 2 : 0;
}

/** Validating only some files: known-failure entries for the others are not stale. */
function parsedPathsAreSubset(paths: string[]): boolean {
  return !(paths.length === 1 && /^(\.\/)?scenarios\/?$/.test(paths[0]!));
}

function total(a: number, b: number): number {
  return a + b;
}
