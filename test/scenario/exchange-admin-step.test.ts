/**
 * The `exchange.admin` step: a tenant admin's Exchange change mid-run (CONN-04 scope, CONN-05 consent, …), applied
 * through the Exchange sim's admin actions, through real sims and the real engine; and its load-time checks.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/scenario/run.ts';
import { scenario } from './tiny-scenarios.ts';
import { problemsOf } from './problems.ts';

const OUT_OF_SCOPE = scenario('tiny/exchange-admin', `steps:
  - sync: prod
  - exchange.admin: { updateMailbox: { mailbox: marianne@acme.test, set: { department: Finance } } }
  - exchange.create: { mailbox: marianne@acme.test, event: { ref: later, subject: Later, start: 2026-03-02T17:00:00Z, end: 2026-03-02T17:30:00Z } }
  - advance: 15m
  - sync: prod
  - expect:
      - salesforce.event: { org: prod, subject: Later, absent: true }
        name: out of scope, not synced
      - counts: { org: prod, cycle: last, errors: { gte: 1 } }
        name: the cycle reports the refused mailbox
  - exchange.admin: { updateMailbox: { mailbox: marianne@acme.test, set: { department: Sales } } }
  - advance: 15m
  - sync: prod
expect:
  - salesforce.event: { org: prod, subject: Later }
    name: back in scope, synced
`);

describe('exchange.admin step', () => {
  it('moves a rep out of the impersonation scope and back (CONN-04); the timeline names the action', async () => {
    const { result } = await runScenario(parseScenario(OUT_OF_SCOPE, 'admin.yaml'));
    expect(result.error).toBeUndefined();
    expect(result.expectations.map((e) => [e.name, e.verdict])).toEqual([
      ['out of scope, not synced', 'PASS'],
      ['the cycle reports the refused mailbox', 'PASS'],
      ['back in scope, synced', 'PASS'],
    ]);
    expect(JSON.stringify(result)).toContain('exchange.admin updateMailbox marianne@acme.test');
  });

  it('load-time checks: unknown mailbox, unknown field, two actions in one step', () => {
    const problems = (step: string) => problemsOf(scenario('tiny/bad-admin', `steps:\n  - ${step}\n`));
    expect(problems('exchange.admin: { removeMailbox: nobody@acme.test }').join('\n')).toContain('unknown mailbox "nobody@acme.test"');
    expect(problems('exchange.admin: { updateMailbox: { mailbox: marianne@acme.test, set: { departement: Finance } } }').join('\n')).toMatch(/departement/);
    expect(problems('exchange.admin: { revokeConsent: { clientId: a }, removeMailbox: marianne@acme.test }')).not.toEqual([]);
    // a mailbox added by an earlier step may be named by later ones
    expect(problems('exchange.admin: { addMailbox: { address: new@acme.test, department: Sales } }\n  - exchange.admin: { removeMailbox: new@acme.test }')).toEqual([]);
  });
});

