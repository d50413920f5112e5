/**
 * @module
 * expectations/known-failures.yaml: the expectations we know fail today, each with a reason (and an issue). A FAIL or
 * ERROR that matches an entry is a *known failure*; one that matches nothing is a *regression* (exit code 1); a PASS
 * that matches an entry is *fixed* (remove the entry). Entries select by scenario id (a trailing `*` matches a
 * prefix), optionally narrowed to one expectation (its id suffix like `#expect[1]`, or its name) or to one rule.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Classification, ExpectationResult } from './model.ts';

const Entry = z.strictObject({
  scenario: z.string().min(1),
  expectation: z.string().optional(),
  rule: z.string().optional(),
  reason: z.string().min(1, { error: 'say why it fails (reason:)' }),
  issue: z.string().optional(),
});
export type KnownFailure = z.infer<typeof Entry>;
const FileSchema = z.array(Entry);

export const DEFAULT_KNOWN_FAILURES = 'expectations/known-failures.yaml';

/** Reads the file; a missing file is an empty list, a malformed one throws with the entry and field. */
export async function loadKnownFailures(file = DEFAULT_KNOWN_FAILURES): Promise<KnownFailure[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const data = parse(text) ?? [];
  const parsed = FileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, field] = issue.path;
    const what = field === undefined ? `entry ${String(index ?? '')}` : `entry ${String(index)} (${String((data as Array<{ scenario?: unknown }>)[index as number]?.scenario ?? '?')}) field ${String(field)}`;
    const message = issue.code === 'invalid_type' && issue.message.includes('undefined') ? 'missing' : issue.message;
    throw new Error(`${file}: ${what}: ${message} — each entry is { scenario, expectation?, rule?, reason, issue? }; reason says why it fails`);
  }
  return parsed.data;
}

export function matchKnown(result: ExpectationResult, known: readonly KnownFailure[]): KnownFailure | undefined {
  return known.find((entry) => {
    const scenarioOk = entry.scenario.endsWith('*') ? result.scenario.startsWith(entry.scenario.slice(0, -1)) : result.scenario === entry.scenario;
    if (!scenarioOk) return false;
    if (entry.expectation && !(result.id.endsWith(entry.expectation) || result.name === entry.expectation)) return false;
    if (entry.rule && !result.rules.includes(entry.rule)) return false;
    return true;
  });
}

export function classify(result: ExpectationResult, known: readonly KnownFailure[]): ExpectationResult {
  const entry = matchKnown(result, known);
  let classification: Classification | undefined;
  if (result.verdict === 'FAIL' || result.verdict === 'ERROR') classification = entry ? 'known-failure' : 'regression';
  else if (result.verdict === 'PASS' && entry) classification = 'fixed';
  return {
    ...result,
    ...(classification ? { classification } : {}),
    ...(entry ? { known: { reason: entry.reason, ...(entry.issue ? { issue: entry.issue } : {}) } } : {}),
  };
}
