/**
 * @module
 * Everything one scenario run accumulates: the clock, the environment, the timeline, cycle records, findings,
 * connection-test results by ref, and expectation results. Steps and expectations read and append to it.
 */
import type { ConnectionTestResult, CycleSummary, Finding } from '../../sync/api.ts';
import type { ScenarioClock } from '../../time/clock.ts';
import type { CycleRecord, ExpectationResult, TimelineEntry } from '../../report/model.ts';
import type { Environment } from '../env/types.ts';
import type { Scenario } from '../schema.ts';

export interface RunContext {
  scenario: Scenario;
  seed: number;
  clock: ScenarioClock;
  env: Environment;
  timeline: TimelineEntry[];
  cycles: CycleRecord[];
  findings: Finding[];
  connectionTests: Map<string, ConnectionTestResult>;
  results: ExpectationResult[];
  /** State right after the world was built, for diffs (and replay comparisons). */
  initial?: import('./diff.ts').StateSnapshot;
  /** Wall-clock limit of this scenario (run/deadline.ts). */
  deadline?: import('./deadline.ts').Deadline;
  /** Set inside a replay run, so a replay expectation does not recurse. */
  replaying?: boolean;
  /** Items created by steps: ref → where it lives. */
  createdRefs: Map<string, { side: 'exchange' | 'salesforce'; scope: string; object: string; key: string }>;
  /**
   * Per org: the statuses (STAT-01/02) of its engine's LAST cycle, read by `engine.status` expectations. Kept apart
   * from CycleRecord so reports and replay comparisons stay as they are. Created by the first cycle.
   */
  orgStatus?: Map<string, OrgStatusRecord>;
}

/** What the last cycle of one org reported: its number, when it ended (scenario time), its status and errors. */
export interface OrgStatusRecord {
  n: number;
  endedAt: number;
  status: CycleSummary['status'];
  errors: string[];
}

export function note(ctx: RunContext, entry: Omit<TimelineEntry, 'at'> & { at?: number }): void {
  ctx.timeline.push({ at: ctx.clock.now(), ...entry });
}
