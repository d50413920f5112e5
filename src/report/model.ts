/**
 * @module
 * The shape of a conformance run: what the runner produces per scenario and what every reporter renders.
 * report.json is this `RunReport`, serialised with sorted keys. Wall-clock facts live ONLY in fields named
 * `durationMs` and in the `wallClock` block, so two runs with the same seed compare byte for byte once those are
 * stripped (G-08).
 */
import type { Finding } from '../sync/api.ts';

export type Verdict = 'PASS' | 'FAIL' | 'ERROR' | 'SKIP';
/** How a non-passing (or formerly failing) result relates to expectations/known-failures.yaml. */
export type Classification = 'regression' | 'known-failure' | 'fixed';

export interface ExpectationResult {
  /** Stable id: `<scenario id>#expect[2]` or `<scenario id>#steps[3].expect[0]`. */
  id: string;
  scenario: string;
  /** Human label: the expectation's `name`, or one generated from its kind and selector. */
  name: string;
  kind: string;
  rules: string[];
  verdict: Verdict;
  /** FAIL: what was expected and what was found. */
  expected?: unknown;
  actual?: unknown;
  /** FAIL/ERROR/SKIP: the reason in one sentence. */
  message?: string;
  /** Cycles run to converge for `within: N` expectations. */
  cyclesRun?: number;
  /** Scenario time the check ran, epoch ms. */
  at: number;
  classification?: Classification;
  /** From the known-failures file, when it matched. */
  known?: { reason: string; issue?: string };
  durationMs: number;
}

export type TimelineKind = 'step' | 'cycle' | 'fault' | 'finding' | 'check' | 'error' | 'note';

export interface TimelineEntry {
  /** Scenario time, epoch ms. */
  at: number;
  kind: TimelineKind;
  label: string;
  org?: string;
  detail?: string;
  /** Cycles: requests and writes per sim seen in the traces during the cycle. */
  requests?: { exchange: number; salesforce: number };
  writes?: { exchange: number; salesforce: number };
  verdict?: Verdict;
}

export interface CycleRecord {
  org: string;
  /** 1-based per org. */
  n: number;
  startedAt: number;
  endedAt: number;
  requests: { exchange: number; salesforce: number };
  writes: { exchange: number; salesforce: number };
  /** Per-operation request counts (sorted by name), from the sims' traces. */
  operations: Record<string, number>;
  errors: Array<{ rep?: string; code: string; message: string; rule?: string }>;
  findings: number;
  faults: string[];
}

export interface StateDiff {
  side: 'exchange' | 'salesforce';
  /** Mailbox address or org id. */
  scope: string;
  object: string;
  /** Subject / name of the item, for people. */
  label: string;
  change: 'added' | 'removed' | 'changed';
  fields?: Record<string, { before?: unknown; after?: unknown }>;
}

export interface ScenarioResult {
  id: string;
  title: string;
  file: string;
  rules: string[];
  tags: string[];
  seed: number;
  /** The scenario clock's display zone (IANA), e.g. America/New_York. */
  zone?: string;
  verdict: Verdict;
  /** Set when the scenario as a whole could not run (invalid file, sims failed to start). */
  error?: string;
  expectations: ExpectationResult[];
  timeline: TimelineEntry[];
  cycles: CycleRecord[];
  findings: Finding[];
  diffs: StateDiff[];
  /** Diffs beyond the first MAX_DIFFS (bulk scenarios) are counted here, not listed. */
  diffsOmitted?: number;
  durationMs: number;
}

export const MAX_DIFFS = 100;

export interface RuleResult {
  id: string;
  family: string;
  title: string;
  /** Worst verdict over the expectations citing it; UNCOVERED when none does. */
  verdict: Verdict | 'UNCOVERED';
  counts: Record<Verdict, number>;
  knownFailures: number;
  regressions: number;
  scenarios: string[];
}

export interface RunInfo {
  synclab: string;
  engine: string;
  sims: { exchange: string; salesforce: string };
  node: string;
  gitRevision: string;
  /** The --seed override, or null when every scenario used its own. */
  seed: number | null;
  shard: { index: number; total: number } | null;
  paths: string[];
}

export interface Totals {
  PASS: number;
  FAIL: number;
  ERROR: number;
  SKIP: number;
  total: number;
}

export interface RunReport {
  format: 'synclab-report/1';
  run: RunInfo;
  summary: {
    scenarios: Totals;
    expectations: Totals;
    regressions: number;
    knownFailures: number;
    fixed: number;
    /** true when nothing regressed (the CLI exit code is 0). */
    ok: boolean;
  };
  coverage: { total: number; covered: number; passing: number; uncovered: string[] };
  rules: RuleResult[];
  findings: Array<Finding & { scenario: string }>;
  scenarios: ScenarioResult[];
  /** Wall-clock facts: excluded from determinism comparisons. */
  wallClock: { runId: string; startedAt: string; finishedAt: string; durationMs: number; workers: number };
}
