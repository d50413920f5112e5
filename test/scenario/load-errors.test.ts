import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { problemsOf } from './problems.ts';

/** A valid scenario; tests break one thing at a time. */
const VALID = `id: t/valid
title: Valid
rules: [EVT-03]
clock: { start: 2026-03-02T08:00:00Z, zone: America/New_York }
world:
  exchange:
    mailboxes:
      - address: marianne@acme.test
        calendar:
          - { ref: kickoff, subject: Kickoff, start: 2026-03-03T15:00:00Z, end: 2026-03-03T16:00:00Z }
  salesforce:
    orgs: [{ id: prod, kind: production, users: [{ ref: marianne }] }]
steps:
  - sync: prod
  - advance: 15m
  - exchange.update: { mailbox: marianne@acme.test, item: kickoff, set: { body: x } }
expect:
  - salesforce.event: { org: prod, subject: Kickoff, fields: { Description: x } }
`;

describe('scenario loader errors name file, line:col, field path and what is expected', () => {
  it('accepts the valid scenario and normalises steps and expectations', () => {
    const scenario = parseScenario(VALID, 'scenarios/x.yaml');
    expect(scenario.steps.map((s) => s.kind)).toEqual(['sync', 'advance', 'exchange.update']);
    expect(scenario.expect[0]).toMatchObject({ kind: 'salesforce.event', args: { org: 'prod', subject: 'Kickoff' } });
    expect(scenario.seed).toBe(1);
  });

  it('a number where a duration is expected (the brief\'s example)', () => {
    expect(problemsOf(VALID.replace('advance: 15m', 'advance: 15'))).toEqual([
      'scenarios/x.yaml:15:14 steps[1].advance: "15" is not a duration — expected e.g. 15m, 2h, 1d',
    ]);
  });

  it('an unknown step kind gets a did-you-mean', () => {
    const [problem] = problemsOf(VALID.replace('advance: 15m', 'advnce: 15m'));
    expect(problem).toMatch(/^scenarios\/x\.yaml:15:5 steps\[1\]: unknown step "advnce" \(did you mean "advance"\?\)/);
  });

  it('an unknown field names the allowed fields', () => {
    const [problem] = problemsOf(VALID.replace('- address: marianne@acme.test', '- address: marianne@acme.test\n        departmnt: Sales'));
    expect(problem).toMatch(/^scenarios\/x\.yaml:9:9 world\.exchange\.mailboxes\[0\]: unknown field "departmnt" \(did you mean "department"\?\) — expected one of: address, /);
  });

  it('a missing required field points at its parent', () => {
    const [problem] = problemsOf(VALID.replace(', end: 2026-03-03T16:00:00Z', ''));
    expect(problem).toBe('scenarios/x.yaml:10:13 world.exchange.mailboxes[0].calendar[0].end: missing required field — expected string');
  });

  it('an enum typo lists the choices', () => {
    const [problem] = problemsOf(VALID.replace('kind: production', 'kind: prodution'));
    expect(problem).toContain('scenarios/x.yaml:12:30 world.salesforce.orgs[0].kind: "prodution" is not allowed — expected one of: "production", "sandbox" (did you mean "production"?)');
  });

  it('an unknown rule ID suggests the padded one', () => {
    expect(problemsOf(VALID.replace('rules: [EVT-03]', 'rules: [EVT-3]'))).toEqual([
      'scenarios/x.yaml:3:9 rules[0]: unknown rule "EVT-3" (did you mean EVT-03?) — expected a SPEC ID like CON-04, EVT-03, G-02',
    ]);
  });

  it('unknown refs, orgs and mailboxes are reported with their position', () => {
    const text = VALID.replace('item: kickoff', 'item: kickof').replace('sync: prod', 'sync: prd').replace('{ org: prod, subject', '{ org: uat, subject');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      'scenarios/x.yaml:14:11 steps[0].sync: unknown org "prd" (did you mean "prod"?) — expected one of: prod',
      expect.stringMatching(/^scenarios\/x\.yaml:16:59 steps\[2\]\.exchange\.update\.item: unknown ref "kickof" \(did you mean "kickoff"\?\)/),
      expect.stringMatching(/^scenarios\/x\.yaml:18:30 expect\[0\]\.salesforce\.event\.org: unknown org "uat"/),
    ]);
  });

  it('a matcher with a wrong operator lists the accepted forms', () => {
    const [problem] = problemsOf(VALID.replace('Description: x }', 'Description: { contain: x } }'));
    expect(problem).toMatch(/fields\.Description: \{"contain":"x"\} does not match any accepted form \(did you mean "contains"\?\) — expected string \| number/);
  });

  it('YAML syntax errors carry their position', () => {
    const [problem] = problemsOf(VALID.replace('title: Valid', 'title: [Valid'));
    expect(problem).toMatch(/^scenarios\/x\.yaml:\d+:\d+ YAML syntax: /);
  });

  it('reports every problem of a file at once, in line order', () => {
    const text = VALID.replace('advance: 15m', 'advance: 15').replace('kind: production', 'kind: prodution');
    const problems = problemsOf(text);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['scenarios/x.yaml:12:30', 'scenarios/x.yaml:15:14']);
  });

  it('a step with two kinds is rejected', () => {
    const [problem] = problemsOf(VALID.replace('  - advance: 15m', '  - advance: 15m\n    sync: prod'));
    expect(problem).toMatch(/steps\[1\]: a step has exactly one kind, found advance and sync/);
  });

  it('defined refs must be unique', () => {
    const text = VALID.replace('  - sync: prod', '  - exchange.create: { mailbox: marianne@acme.test, event: { ref: kickoff, subject: K2, start: 2026-03-03T15:00:00Z, end: 2026-03-03T16:00:00Z } }\n  - sync: prod');
    expect(problemsOf(text).join('\n')).toMatch(/ref "kickoff" is already defined/);
  });
});
