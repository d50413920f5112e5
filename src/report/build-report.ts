/**
 * @module
 * Turns scenario results into the RunReport every reporter renders: classifies against known failures, sums up,
 * computes the rule matrix and catalogue coverage, gathers findings, sorts everything stably, and scrubs secrets
 * (redact() plus the literal secret values of the scenario worlds) so no reporter can leak one.
 */
import { CATALOGUE, familyOf } from '../scenario/catalogue.ts';
import { redact } from '../util/redact.ts';
import { classify, type KnownFailure } from './known-failures.ts';
import type { RuleResult, RunInfo, RunReport, ScenarioResult, Totals, Verdict } from './model.ts';

const SEVERITY: Record<Verdict, number> = { FAIL: 3, ERROR: 2, PASS: 1, SKIP: 0 };

export interface BuildReportInput {
  results: ScenarioResult[];
  info: RunInfo;
  known: readonly KnownFailure[];
  wallClock: RunReport['wallClock'];
  /** Literal secret values (passwords, client secrets) to scrub wherever they appear. */
  secrets?: readonly string[];
}

export function buildReport(input: BuildReportInput): RunReport {
  const scenarios = [...input.results]
    .map((s) => ({ ...s, expectations: s.expectations.map((e) => classify(e, input.known)) }))
    .sort((a, b) => compare(a.id, b.id));
  const expectations = scenarios.flatMap((s) => s.expectations);

  const rules: RuleResult[] = CATALOGUE.map((rule) => {
    const cited = expectations.filter((e) => e.rules.includes(rule.id));
    const counts = countVerdicts(cited.map((e) => e.verdict));
    const worst = cited.reduce<Verdict | undefined>((w, e) => (!w || SEVERITY[e.verdict] > SEVERITY[w] ? e.verdict : w), undefined);
    return {
      id: rule.id,
      family: rule.family,
      title: rule.title,
      verdict: worst ?? 'UNCOVERED',
      counts: { PASS: counts.PASS, FAIL: counts.FAIL, ERROR: counts.ERROR, SKIP: counts.SKIP },
      knownFailures: cited.filter((e) => e.classification === 'known-failure').length,
      regressions: cited.filter((e) => e.classification === 'regression').length,
      scenarios: [...new Set(cited.map((e) => e.scenario))].sort(compare),
    };
  });
  // Rules cited by scenarios but missing from the catalogue would be a loader bug; keep them visible anyway.
  for (const e of expectations) {
    for (const id of e.rules) if (!rules.some((r) => r.id === id)) rules.push(orphanRule(id));
  }

  const regressions = expectations.filter((e) => e.classification === 'regression').length
    + scenarios.filter((s) => s.expectations.length === 0 && s.verdict === 'ERROR').length;
  const report: RunReport = {
    format: 'synclab-report/1',
    run: input.info,
    summary: {
      scenarios: countVerdicts(scenarios.map((s) => s.verdict)),
      expectations: countVerdicts(expectations.map((e) => e.verdict)),
      regressions,
      knownFailures: expectations.filter((e) => e.classification === 'known-failure').length,
      fixed: expectations.filter((e) => e.classification === 'fixed').length,
      ok: regressions === 0,
    },
    coverage: {
      total: CATALOGUE.length,
      covered: rules.filter((r) => r.verdict !== 'UNCOVERED').length,
      passing: rules.filter((r) => r.counts.PASS > 0 && r.counts.FAIL === 0 && r.counts.ERROR === 0).length,
      uncovered: rules.filter((r) => r.verdict === 'UNCOVERED').map((r) => r.id),
    },
    rules,
    findings: scenarios.flatMap((s) => s.findings.map((f) => ({ scenario: s.id, ...f }))),
    scenarios,
    wallClock: input.wallClock,
  };
  return scrub(redact(report), input.secrets ?? []);
}

function countVerdicts(verdicts: Verdict[]): Totals {
  const totals: Totals = { PASS: 0, FAIL: 0, ERROR: 0, SKIP: 0, total: verdicts.length };
  for (const v of verdicts) totals[v]++;
  return totals;
}

function orphanRule(id: string): RuleResult {
  return { id, family: familyOf(id), title: '(not in the catalogue)', verdict: 'SKIP', counts: { PASS: 0, FAIL: 0, ERROR: 0, SKIP: 0 }, knownFailures: 0, regressions: 0, scenarios: [] };
}

/** Code-point comparison: the same on every machine and locale (G-08). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Replaces every literal secret value (≥ 4 chars) in every string of the report. */
export function scrub<T>(value: T, secrets: readonly string[]): T {
  const list = [...new Set(secrets.filter((s) => s && s.length >= 4))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return list.reduce((text, secret) => text.split(secret).join('[redacted]'), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** JSON with object keys sorted recursively: the byte-stable form of report.json. */
export function stableJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort(compare).map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
