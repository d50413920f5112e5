import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/run.ts';
import { NotSupportedError } from '../../src/scenario/env/not-supported.ts';
import { EX_TO_SF, scenario } from './tiny-scenarios.ts';

describe('scenario runner on the real sims and engine', () => {
  it('runs cycles in scenario time and gives PASS and FAIL with expected vs actual', async () => {
    const { result, secrets } = await runScenario(parseScenario(EX_TO_SF, 'tiny.yaml'));
    const verdicts = result.expectations.map((e) => [e.name, e.verdict]);
    expect(verdicts).toEqual([
      ['salesforce.event kickoff in prod: Subject, Description, StartDateTime', 'PASS'],
      ['counts prod cycle last: writes 0', 'PASS'],
      ['counts prod cycle 1: writes {"gte":1}', 'PASS'],
      ['deliberately wrong description', 'FAIL'],
    ]);
    const wrong = result.expectations[3]!;
    expect(wrong.expected).toEqual({ Description: 'Wrong' });
    expect(wrong.actual).toEqual({ Description: 'Agenda' });
    expect(result.verdict).toBe('FAIL');
    // Timeline: the two cycles 15 minutes apart in scenario time, each with trace counts.
    const cycles = result.timeline.filter((t) => t.kind === 'cycle');
    expect(cycles).toHaveLength(2);
    expect(cycles[1]!.at - cycles[0]!.at).toBeGreaterThanOrEqual(15 * 60_000);
    expect(result.cycles[0]!.writes.salesforce).toBeGreaterThan(0);
    expect(result.cycles[1]!.writes).toEqual({ exchange: 0, salesforce: 0 });
    // The final-state diff shows the event the engine created in Salesforce.
    expect(result.diffs).toContainEqual(expect.objectContaining({ side: 'salesforce', scope: 'prod', object: 'Event', label: 'Kickoff', change: 'added' }));
    expect(secrets).toContain('Svc-Passw0rd-Tiny!');
  });

  it('a failing step stops the run; later expectations are ERROR with the cause, never a silent pass', async () => {
    const text = scenario('tiny/broken-step', `steps:
  - sync: prod
  - salesforce.update: { org: prod, as: marianne, event: { Subject: Nope }, set: { Description: x } }
  - expect:
      - salesforce.event: { org: prod, subject: Kickoff }
expect:
  - salesforce.event: { org: prod, subject: Kickoff }
`);
    const { result } = await runScenario(parseScenario(text, 'broken.yaml'));
    expect(result.expectations.map((e) => e.verdict)).toEqual(['ERROR', 'ERROR']);
    expect(result.expectations[0]!.message).toBe(
      'not checked: steps[1] salesforce.update {"Subject":"Nope"} in prod as marianne failed: no Event {"Subject":"Nope"} in org prod — it may have been deleted or never synced there',
    );
    expect(result.timeline.some((t) => t.kind === 'error')).toBe(true);
  });

  it('a world the sims cannot build yet is SKIP with the reason; a broken world is ERROR', async () => {
    const parsed = parseScenario(EX_TO_SF, 'tiny.yaml');
    const skipped = await runScenario(parsed, { startEnvironment: async () => { throw new NotSupportedError('the Exchange sim does not export startExchangeSim() yet'); } });
    expect(skipped.result.expectations.every((e) => e.verdict === 'SKIP')).toBe(true);
    expect(skipped.result.expectations[0]!.message).toBe("not checked: could not start the scenario's world: the Exchange sim does not export startExchangeSim() yet");
    const broken = await runScenario(parsed, { startEnvironment: async () => { throw new Error('port in use'); } });
    expect(broken.result.verdict).toBe('ERROR');
    expect(broken.result.error).toBe("could not start the scenario's world: port in use");
  });

  it('within: N runs extra cycles until the expectation holds', async () => {
    const text = scenario('tiny/within', `steps: []
expect:
  - salesforce.event: { org: prod, ref: kickoff, fields: { Subject: Kickoff } }
    within: 2
`);
    const { result } = await runScenario(parseScenario(text, 'within.yaml'));
    expect(result.expectations[0]).toMatchObject({ verdict: 'PASS', cyclesRun: 1 });
    expect(result.cycles).toHaveLength(1);
  });
});

describe('replay expectation (G-08)', () => {
  const text = scenario('tiny/replay', `steps:
  - sync: prod
expect:
  - replay: {}
`);

  it('passes when a fresh run with the same seed is identical', async () => {
    const { result } = await runScenario(parseScenario(text, 'replay.yaml'));
    expect(result.expectations[0]).toMatchObject({ kind: 'replay', verdict: 'PASS' });
  });

  it('fails, naming what differs, when the first run saw something the replay does not', async () => {
    const { startEnvironment } = await import('../../src/scenario/env/environment.ts');
    // The first run's world gets one extra meeting behind the scenario's back: a replay cannot reproduce it.
    const tampered: typeof startEnvironment = async (options) => {
      const env = await startEnvironment(options);
      await env.exchange.create('marianne@acme.test', 'Event', { subject: 'Injected', start: '2026-03-02T18:00:00Z', end: '2026-03-02T19:00:00Z' });
      return env;
    };
    const { result } = await runScenario(parseScenario(text, 'replay.yaml'), { startEnvironment: tampered });
    expect(result.expectations[0]!.verdict).toBe('FAIL');
    expect(result.expectations[0]!.message).toMatch(/^the replay with seed 5 differs in .*final state/);
  });
});

describe('wall-clock safety net', () => {
  it('a step that never finishes fails the scenario with a clear ERROR instead of hanging the suite', async () => {
    const { startEnvironment } = await import('../../src/scenario/env/environment.ts');
    const hanging: typeof startEnvironment = async (options) => {
      const env = await startEnvironment(options);
      return { ...env, engines: { ...env.engines, runCycle: () => new Promise(() => undefined) } };
    };
    const parsed = parseScenario(EX_TO_SF, 'tiny.yaml');
    const started = performance.now();
    const { result } = await runScenario(parsed, { startEnvironment: hanging, timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.verdict).toBe('ERROR');
    expect(result.expectations[0]!.message).toMatch(/steps\[0\] sync prod did not finish within the scenario's wall-time limit/);
  });
});
