/**
 * STAT-01 / STAT-02: the `engine.status` expectation reads the statuses of the org's engine's last cycle, with the
 * usual field matchers, through real sims and the real engine.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/run.ts';
import { scenario } from './tiny-scenarios.ts';
import { problemsOf } from './problems.ts';

const ACTIVITY = scenario('tiny/engine-status', `steps:
  - expect:
      - engine.status: { org: prod, events: { last24Hours: 0 } }
        name: before any cycle
  - sync: prod
  - expect:
      - engine.status:
          org: prod
          system: { serviceAccountUserName: svc-sync@acme.test, outlookIntegrationEnabled: "Yes", serviceAccountRecognized: true, linkedUsers: 1, linkedUsersVerdict: expected }
          events: { lastSyncActivity: 2026-03-02T08:00:00Z, freshness: minutes, last60Minutes: 1, last24Hours: 1 }
          contacts: { lastSyncActivity: null, freshness: never, last24Hours: 0 }
        name: right after the first sync
      - engine.status: { org: prod, events: { last60Minutes: 0, freshness: { oneOf: [hours, past-date] } }, system: { outlookIntegrationEnabled: "No" } }
        name: deliberately wrong
  - advance: 2h
  - sync: prod
  - expect:
      - engine.status: { org: prod, events: { freshness: hours, last60Minutes: 0, last24Hours: 1, lastSyncActivity: { lte: 2026-03-02T08:00:00Z } } }
        name: two hours later
  - advance: 1d
  - engine.restart: prod
  - sync: prod
expect:
  - engine.status: { org: prod, events: { lastSyncActivity: 2026-03-02T08:00:00Z, freshness: past-date, last60Minutes: 0, last24Hours: 0 } }
    name: a day later, after a restart
`);

describe('engine.status expectation (STAT-01/02)', () => {
  it('checks the last cycle\'s system statuses and activity; a wrong value FAILs naming section and field', async () => {
    const { result } = await runScenario(parseScenario(ACTIVITY, 'status.yaml'));
    const byName = Object.fromEntries(result.expectations.map((e) => [e.name, e]));
    expect(result.expectations.map((e) => [e.name, e.verdict])).toEqual([
      ['before any cycle', 'FAIL'],
      ['right after the first sync', 'PASS'],
      ['deliberately wrong', 'FAIL'],
      ['two hours later', 'PASS'],
      ['a day later, after a restart', 'PASS'],
    ]);
    expect(byName['before any cycle']!.message).toContain('no cycle of org prod has run');
    const wrong = byName['deliberately wrong']!;
    expect(wrong.message).toContain('events.last60Minutes is 1');
    expect(wrong.message).toContain('system.outlookIntegrationEnabled is "Yes"');
    expect(wrong.message).toContain('events.freshness is "minutes"');
    expect(wrong.expected).toEqual({ 'events.last60Minutes': 0, 'events.freshness': { oneOf: ['hours', 'past-date'] }, 'system.outlookIntegrationEnabled': 'No' });
    expect(wrong.actual).toMatchObject({ cycle: 1, system: { outlookIntegrationEnabled: 'Yes' }, events: { last60Minutes: 1, freshness: 'minutes' } });
  });
});

describe('engine.status validation', () => {
  it('refuses a misspelt status name, naming the field', () => {
    const problems = problemsOf(scenario('t/x', 'steps: [{ sync: prod }]\nexpect:\n  - engine.status: { org: prod, events: { last60Minute: 0 } }\n'));
    expect(problems.join('\n')).toContain('last60Minute');
  });
  it('refuses an unknown org and a check with nothing to check', () => {
    expect(problemsOf(scenario('t/x', 'steps: [{ sync: prod }]\nexpect:\n  - engine.status: { org: uat, system: { linkedUsers: 1 } }\n')).join('\n')).toContain('unknown org "uat"');
    expect(problemsOf(scenario('t/x', 'steps: [{ sync: prod }]\nexpect:\n  - engine.status: { org: prod }\n')).join('\n')).toContain('give at least one of system:, contacts:, events:');
  });
});
