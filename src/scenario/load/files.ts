/**
 * @module
 * Finding and loading scenario files: folders are walked recursively for *.yaml / *.yml (sorted, for determinism);
 * bad files and duplicate ids come back as problems instead of exceptions, so one bad file never stops a run.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseScenario, type InvalidScenarioFile } from '../load.ts';
import type { Scenario } from '../schema.ts';
import { ScenarioValidationError } from './scenario-error.ts';

export async function loadScenarioFile(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioValidationError(file, [{ file, line: 0, column: 0, path: [], message: `cannot read file: ${(error as Error).message}` }]);
  }
  return parseScenario(text, file);
}

/** Expands files and directories (recursively) into scenario files (*.yaml, *.yml), sorted for determinism. */
export async function findScenarioFiles(inputs: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) missing.push(input);
    else if (info.isDirectory()) for (const f of await walk(input)) files.add(f);
    else files.add(path.normalize(input));
  }
  return { files: [...files].sort(), missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Loads every scenario under `inputs`; bad files (and duplicate ids) come back in `invalid`, never thrown. */
export async function loadScenarios(inputs: string[]): Promise<{ scenarios: Scenario[]; invalid: InvalidScenarioFile[] }> {
  const { files, missing } = await findScenarioFiles(inputs);
  const invalid: InvalidScenarioFile[] = missing.map((file) => ({
    file,
    problems: [{ file, line: 0, column: 0, path: [], message: 'no such file or directory — expected a scenario file or a folder of them' }],
  }));
  const scenarios: Scenario[] = [];
  const byId = new Map<string, string>();
  for (const file of files) {
    try {
      const scenario = await loadScenarioFile(file);
      const previous = byId.get(scenario.id);
      if (previous) {
        invalid.push({ file, problems: [{ file, line: 1, column: 1, path: ['id'], message: `duplicate scenario id "${scenario.id}" (also in ${previous}) — ids must be unique` }] });
        continue;
      }
      byId.set(scenario.id, file);
      scenarios.push(scenario);
    } catch (error) {
      if (error instanceof ScenarioValidationError) invalid.push({ file, problems: error.problems });
      else throw error;
    }
  }
  return { scenarios: scenarios.sort((a, b) => a.id.localeCompare(b.id)), invalid };
}

