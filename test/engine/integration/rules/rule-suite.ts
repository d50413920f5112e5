/**
 * Issue #4: integration tests NAMED BY RULE ID. For every rule of SPEC §§1–6 and every guarantee G-01..G-09, one
 * `describe('<ID> …')` runs — in-process, through runScenario (both sims on port 0, the engine through jsforce and
 * ews-javascript-api) — every conformance scenario that cites the ID, and asserts that every expectation PASSES.
 * Each scenario runs ONCE per process and its result is shared by all the IDs it cites. Scenarios are split across
 * shards (files) so vitest runs them in parallel; each scenario belongs to exactly one shard.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type CatalogueEntry } from '../../../../src/scenario/catalogue.ts';
import { loadScenarios } from '../../../../src/scenario/load.ts';
import { runScenario, type ScenarioRun } from '../../../../src/scenario/run.ts';
import type { Expectation, Scenario } from '../../../../src/scenario/schema.ts';

export const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../../../scenarios');

/** The rules issue #4 names: SPEC §§1–6 (CONN, CFG, CON, EVT, ORG, STAT/ERR/RST) and the guarantees G-01..G-09. */
export const RULES_UNDER_TEST: readonly CatalogueEntry[] = CATALOGUE.filter((r) => r.section <= 6 || r.family === 'G');

/** Every ID a scenario cites: its `rules`, plus any an expectation cites on its own (`rules:` or a finding's rule). */
export function citedRules(scenario: Scenario): Set<string> {
  const ids = new Set(scenario.rules);
  const expectations: Expectation[] = [...scenario.expect, ...scenario.steps.flatMap((s) => (s.kind === 'expect' ? s.args : []))];
  for (const e of expectations) {
    for (const id of e.rules ?? []) ids.add(id);
    if (e.kind === 'finding' && typeof e.args.rule === 'string') ids.add(e.args.rule);
  }
  return ids;
}

const runs = new Map<string, Promise<ScenarioRun>>();

/** One run per scenario per process, shared by every ID that cites it. */
function runOnce(scenario: Scenario): Promise<ScenarioRun> {
  let run = runs.get(scenario.id);
  if (!run) {
    run = runScenario(scenario);
    runs.set(scenario.id, run);
  }
  return run;
}

function failures(run: ScenarioRun): string[] {
  const r = run.result;
  const out = r.error ? [`scenario ${r.id}: ${r.verdict}: ${r.error}`] : [];
  for (const e of r.expectations) {
    if (e.verdict === 'PASS') continue;
    const detail = e.verdict === 'FAIL' ? ` expected ${JSON.stringify(e.expected)}, actual ${JSON.stringify(e.actual)}` : '';
    out.push(`${e.id} "${e.name}" ${e.verdict}: ${e.message ?? ''}${detail}`);
  }
  return out;
}

/** A scenario takes ~0.3–3 s alone; the whole suite shares 2 cores with every other test file under `npm test`. */
const SCENARIO_TEST_TIMEOUT_MS = 120_000;

export const isSlow = (s: Scenario): boolean => s.tags.includes('slow');

/**
 * Declares the describes of one shard. `shard` of `shards`: scenario i (sorted by id) belongs to shard i % shards.
 * Rules no scenario cites get a skipped test naming the gap, in shard 0 only.
 */
export async function defineRuleSuite(shard: number, shards: number): Promise<void> {
  const loaded = await loadScenarios([SCENARIO_DIR]);
  if (loaded.invalid.length) throw new Error(`invalid scenario files: ${loaded.invalid.map((f) => f.file).join(', ')}`);
  const all = [...loaded.scenarios].sort((a, b) => (a.id < b.id ? -1 : 1));
  // Slow scenarios take no shard slot, so the fast ones stay balanced.
  const fast = all.filter((s) => !isSlow(s));
  const mine = new Set(fast.filter((_, i) => i % shards === shard).map((s) => s.id));
  const cited = new Map(all.map((s) => [s.id, citedRules(s)]));

  for (const rule of RULES_UNDER_TEST) {
    const citing = all.filter((s) => cited.get(s.id)!.has(rule.id));
    const here = citing.filter((s) => mine.has(s.id) || (isSlow(s) && shard === 0));
    if (citing.length === 0 && shard !== 0) continue;
    if (citing.length > 0 && here.length === 0) continue;
    describe(`${rule.id} ${rule.title}`, () => {
      if (citing.length === 0) {
        it.skip(`${rule.id}: no conformance scenario cites this rule yet (coverage gap)`, () => undefined);
        return;
      }
      for (const scenario of here) {
        if (isSlow(scenario)) {
          it.skip(`${rule.id} ${scenario.id}: skipped here — tagged slow, run by npm start only`, () => undefined);
          continue;
        }
        it(`${rule.id} ${scenario.id}: every expectation passes`, async () => {
          const run = await runOnce(scenario);
          expect(run.result.expectations.length).toBeGreaterThan(0);
          expect(failures(run), `${scenario.id} (${scenario.source.file})`).toEqual([]);
          expect(run.result.verdict).toBe('PASS');
        }, SCENARIO_TEST_TIMEOUT_MS);
      }
    });
  }
}
