/**
 * @module
 * Reads scenario YAML into validated `Scenario` objects. Every problem names file, line:column and field path and
 * says what is expected; all problems of a file are reported together. `loadScenarios` never throws for a bad file:
 * it returns the good scenarios and the bad files separately, so `synclab run` can mark one file ERROR and go on.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import {
  DEFAULT_CLOCK, DEFAULT_SEED, EXPECT_COMMON_KEYS, EXPECT_SCHEMAS, STEP_COMMON_KEYS, STEP_SCHEMAS, ScenarioTopSchema,
  type Expectation, type Scenario, type ScenarioStep,
} from './schema.ts';
import { ScenarioValidationError, type PathSegment, type ScenarioProblem } from './load/scenario-error.ts';
import { positionOf } from './load/yaml-positions.ts';
import { explainIssues, hint, type Explained } from './load/zod-issues.ts';
import { checkSemantics } from './load/semantics.ts';

export { ScenarioValidationError, formatProblem, type ScenarioProblem } from './load/scenario-error.ts';

export interface InvalidScenarioFile {
  file: string;
  problems: ScenarioProblem[];
}

/** Parses one scenario from text. Throws ScenarioValidationError with every problem found. */
export function parseScenario(text: string, file: string): Scenario {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problems: ScenarioProblem[] = [];
  const report = (items: Explained[]) => {
    for (const item of items) problems.push({ file, ...positionOf(doc, counter, item.path, { key: item.key }), path: item.path, message: item.message });
  };

  for (const error of doc.errors) {
    const pos = error.linePos?.[0];
    problems.push({ file, line: pos?.line ?? 1, column: pos?.col ?? 1, path: [], message: `YAML syntax: ${firstLine(error.message)}` });
  }
  if (problems.length) throw new ScenarioValidationError(file, problems);

  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioValidationError(file, [{ file, line: 1, column: 1, path: [], message: 'a scenario file must be a YAML mapping with id, title, rules, world, steps and expect' }]);
  }
  const top = ScenarioTopSchema.safeParse(data);
  if (!top.success) report(explainIssues(top.error.issues, ScenarioTopSchema, data));

  const raw = data as { steps?: unknown[]; expect?: unknown[] };
  const steps: ScenarioStep[] = [];
  (Array.isArray(raw.steps) ? raw.steps : []).forEach((item, index) => {
    const step = parseStep(item, index, report);
    if (step) steps.push(step);
  });
  const expect: Expectation[] = [];
  (Array.isArray(raw.expect) ? raw.expect : []).forEach((item, index) => {
    const e = parseExpectation(item, ['expect', index], report);
    if (e) expect.push(e);
  });
  if (problems.length || !top.success) throw new ScenarioValidationError(file, sortProblems(problems));

  const t = top.data;
  const scenario: Scenario = {
    id: t.id,
    title: t.title,
    ...(t.description ? { description: t.description } : {}),
    rules: t.rules,
    tags: t.tags ?? [],
    seed: t.seed ?? DEFAULT_SEED,
    clock: { start: t.clock?.start ?? DEFAULT_CLOCK.start, zone: t.clock?.zone ?? DEFAULT_CLOCK.zone },
    world: { exchange: t.world.exchange ?? {}, salesforce: t.world.salesforce ?? { orgs: [] } },
    steps,
    expect,
    source: { file },
  };
  report(checkSemantics(scenario));
  if (problems.length) throw new ScenarioValidationError(file, sortProblems(problems));
  return scenario;
}

type Report = (items: Explained[]) => void;

function parseStep(item: unknown, index: number, report: Report): ScenarioStep | undefined {
  const at: PathSegment[] = ['steps', index];
  const picked = pickKind(item, at, Object.keys(STEP_SCHEMAS).concat('expect'), STEP_COMMON_KEYS, 'step', report);
  if (!picked) return undefined;
  const { kind, value, common } = picked;
  const name = typeof common.name === 'string' ? common.name : undefined;
  if (kind === 'expect') {
    if (!Array.isArray(value)) {
      report([{ path: [...at, 'expect'], message: 'expected a list of expectations, e.g. - expect: [ { salesforce.event: {...} } ]' }]);
      return undefined;
    }
    const args = value.map((e, j) => parseExpectation(e, [...at, 'expect', j], report)).filter((e): e is Expectation => !!e);
    return { kind: 'expect', args, index, ...(name ? { name } : {}) };
  }
  const schema = STEP_SCHEMAS[kind as keyof typeof STEP_SCHEMAS] as z.ZodType;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    report(explainIssues(parsed.error.issues, schema, value, [...at, kind]));
    return undefined;
  }
  const expectError = common.expectError;
  if (expectError !== undefined && expectError !== true && typeof expectError !== 'string') {
    report([{ path: [...at, 'expectError'], message: `${JSON.stringify(expectError)} is not allowed — expected true or a text the error message must contain` }]);
    return undefined;
  }
  return { kind, args: parsed.data, index, ...(name ? { name } : {}), ...(expectError !== undefined ? { expectError } : {}) } as ScenarioStep;
}

function parseExpectation(item: unknown, at: PathSegment[], report: Report): Expectation | undefined {
  const picked = pickKind(item, at, Object.keys(EXPECT_SCHEMAS), EXPECT_COMMON_KEYS, 'expectation', report);
  if (!picked) return undefined;
  const { kind, value, common } = picked;
  const schema = EXPECT_SCHEMAS[kind as keyof typeof EXPECT_SCHEMAS] as z.ZodType;
  const parsed = schema.safeParse(value ?? {});
  let ok = parsed.success;
  if (!parsed.success) report(explainIssues(parsed.error.issues, schema, value, [...at, kind]));
  if (common.rules !== undefined && !(Array.isArray(common.rules) && common.rules.every((r) => typeof r === 'string'))) {
    report([{ path: [...at, 'rules'], message: 'expected a list of SPEC IDs, e.g. [EVT-03]' }]);
    ok = false;
  }
  if (common.within !== undefined && !(Number.isInteger(common.within) && (common.within as number) >= 1 && (common.within as number) <= 10)) {
    report([{ path: [...at, 'within'], message: `${JSON.stringify(common.within)} is not a cycle count — expected a whole number from 1 to 10` }]);
    ok = false;
  }
  if (!ok || !parsed.success) return undefined;
  return {
    kind,
    args: parsed.data,
    ...(typeof common.name === 'string' ? { name: common.name } : {}),
    ...(common.rules ? { rules: common.rules as string[] } : {}),
    ...(common.within ? { within: common.within as number } : {}),
  } as Expectation;
}

function pickKind(item: unknown, at: PathSegment[], kinds: string[], commonKeys: string[], what: string, report: Report):
  { kind: string; value: unknown; common: Record<string, unknown> } | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    report([{ path: at, message: `expected a ${what} like { ${kinds[0]}: ... } — one of: ${kinds.join(', ')}` }]);
    return undefined;
  }
  const keys = Object.keys(item);
  const kindKeys = keys.filter((k) => !commonKeys.includes(k));
  if (kindKeys.length !== 1 || !kinds.includes(kindKeys[0]!)) {
    const unknown = kindKeys.find((k) => !kinds.includes(k));
    if (unknown !== undefined) report([{ path: at, key: unknown, message: `unknown ${what} "${unknown}"${hint(unknown, kinds)} — expected one of: ${kinds.join(', ')}` }]);
    else if (kindKeys.length === 0) report([{ path: at, message: `a ${what} needs a kind — one of: ${kinds.join(', ')}` }]);
    else report([{ path: at, key: kindKeys[1], message: `a ${what} has exactly one kind, found ${kindKeys.join(' and ')} — split it into separate ${what}s` }]);
    return undefined;
  }
  const record = item as Record<string, unknown>;
  const common = Object.fromEntries(keys.filter((k) => commonKeys.includes(k)).map((k) => [k, record[k]]));
  return { kind: kindKeys[0]!, value: record[kindKeys[0]!], common };
}

function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export { findScenarioFiles, loadScenarioFile, loadScenarios } from './load/files.ts';

export type { Document };
