/**
 * @module
 * The literal secrets of a scenario world — passwords and client secrets — so reports can scrub them wherever they
 * might be echoed, on top of redact()'s pattern-based rules.
 */
import type { Scenario } from '../schema.ts';

export function worldSecrets(scenario: Scenario, extra: string[] = []): string[] {
  const ex = scenario.world.exchange;
  const out = [
    ...(ex.serviceAccounts ?? []).map((a) => a.password),
    ...(ex.oauthApps ?? []).map((a) => a.clientSecret),
    ...(ex.mailboxes ?? []).map((m) => m.password),
    ...scenario.world.salesforce.orgs.flatMap((o) => [
      ...(o.users ?? []).map((u) => u.password),
      ...(o.connectedApps ?? []).map((a) => a.clientSecret),
    ]),
    ...extra,
  ];
  return [...new Set(out.filter((s): s is string => typeof s === 'string' && s.length >= 4))].sort();
}
