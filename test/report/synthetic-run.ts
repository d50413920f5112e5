/**
 * Synthetic scenario results for reporter tests: one passing scenario, one with a regression and a known failure, one
 * that could not run. Secrets can be planted to check that no report leaks them.
 */
import { buildReport } from '../../src/report/build-report.ts';
import type { KnownFailure } from '../../src/report/known-failures.ts';
import type { ExpectationResult, RunReport, ScenarioResult } from '../../src/report/model.ts';

const T0 = Date.parse('2026-03-02T08:00:00Z');

function expectation(scenario: string, i: number, over: Partial<ExpectationResult>): ExpectationResult {
  return { id: `${scenario}#expect[${i}]`, scenario, name: `check ${i}`, kind: 'salesforce.event', rules: [], verdict: 'PASS', at: T0 + 900_000, durationMs: 3 + i, ...over };
}

export function syntheticResults(plant = ''): ScenarioResult[] {
  const pass: ScenarioResult = {
    id: 'contacts/sf-to-ex-basic', title: 'A contact created in Salesforce appears in Salesforce_Sync', file: 'scenarios/contacts/sf-to-ex-basic.yaml',
    rules: ['CON-01', 'CON-03', 'G-02'], tags: ['thin-slice'], seed: 7, verdict: 'PASS',
    expectations: [
      expectation('contacts/sf-to-ex-basic', 0, { name: 'contact written into Salesforce_Sync', kind: 'exchange.contact', rules: ['CON-01', 'CON-03'] }),
      expectation('contacts/sf-to-ex-basic', 1, { name: 'second cycle writes nothing', kind: 'counts', rules: ['G-02'] }),
    ],
    timeline: [
      { at: T0, kind: 'step', label: 'sync prod' },
      { at: T0 + 5_000, kind: 'cycle', label: 'cycle 1', org: 'prod', requests: { exchange: 6, salesforce: 9 }, writes: { exchange: 2, salesforce: 1 } },
      { at: T0 + 900_000, kind: 'check', label: 'second cycle writes nothing', verdict: 'PASS' },
    ],
    cycles: [{ org: 'prod', n: 1, startedAt: T0, endedAt: T0 + 5_000, requests: { exchange: 6, salesforce: 9 }, writes: { exchange: 2, salesforce: 1 }, operations: { CreateItem: 1, FindFolder: 1 }, errors: [], findings: 0, faults: [] }],
    findings: [],
    diffs: [{ side: 'exchange', scope: 'marianne@acme.test', object: 'Contact', label: 'Hank Scorpio', change: 'added', fields: { GivenName: { after: 'Hank' } } }],
    durationMs: 120,
  };
  const failing: ScenarioResult = {
    id: 'overwrite/ex-only-overwrites-sf-notes', title: 'Calendar-to-Salesforce-only sync overwrites notes <kept> in Salesforce & co', file: 'scenarios/overwrite/ex-only-overwrites-sf-notes.yaml',
    rules: ['EVT-03', 'G-03'], tags: [], seed: 3, verdict: 'FAIL',
    expectations: [
      expectation('overwrite/ex-only-overwrites-sf-notes', 0, { name: 'Description overwritten', rules: ['EVT-03'], verdict: 'FAIL', message: `Description differs ${plant}`, expected: { Description: 'Agenda v2' }, actual: { Description: `Budget approved ${plant}` } }),
      expectation('overwrite/ex-only-overwrites-sf-notes', 1, { name: 'overwrite finding', kind: 'finding', rules: ['EVT-03', 'G-03'], verdict: 'FAIL', message: 'no overwrite finding', expected: { kind: 'overwrite' }, actual: [] }),
      expectation('overwrite/ex-only-overwrites-sf-notes', 2, { name: 'Authorization echo', kind: 'counts', rules: ['G-02'], verdict: 'ERROR', message: `request failed: Authorization: Basic c3ZjOnNlY3JldA== password=${plant}` }),
    ],
    timeline: [{ at: T0, kind: 'error', label: 'login failed', detail: `<sessionId>00D000000000001!AQ4AQFake.Session.Token</sessionId> ${plant}` }],
    cycles: [],
    findings: [{ kind: 'overwrite', rule: 'EVT-03', org: 'prod', rep: 'marianne@acme.test', object: 'Event', field: 'Description', before: `notes ${plant}`, after: 'Agenda v2', message: 'Description overwritten', at: T0 }],
    diffs: [],
    durationMs: 80,
  };
  const broken: ScenarioResult = {
    id: 'bad/file', title: 'scenarios/bad/file.yaml', file: 'scenarios/bad/file.yaml', rules: [], tags: [], seed: 1, verdict: 'ERROR',
    error: 'scenarios/bad/file.yaml:3:9 rules[0]: unknown rule "EVT-3"', expectations: [], timeline: [], cycles: [], findings: [], diffs: [], durationMs: 1,
  };
  return [failing, pass, broken];
}

export const KNOWN: KnownFailure[] = [{ scenario: 'overwrite/ex-only-overwrites-sf-notes', expectation: '#expect[1]', reason: 'engine does not emit overwrite findings yet', issue: '#7' }];

export function syntheticReport(plant = '', secrets: string[] = []): RunReport {
  return buildReport({
    results: syntheticResults(plant),
    info: { synclab: '0.1.0', engine: '0.1.0', sims: { exchange: '0.1.0', salesforce: '0.1.0' }, node: 'v20.0.0', gitRevision: 'abc1234', seed: null, shard: null, paths: ['scenarios/'] },
    known: KNOWN,
    wallClock: { runId: '20260302-080000-abc1234', startedAt: '2026-03-02T08:00:00.000Z', finishedAt: '2026-03-02T08:00:01.000Z', durationMs: 1000, workers: 2 },
    secrets,
  });
}
