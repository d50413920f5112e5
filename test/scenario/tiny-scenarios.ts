/**
 * Small scenarios as YAML text for runner tests. They bypass Autodiscover with `ewsUrl: "{exchange.ews}"` so they
 * exercise sync, not connection setup.
 */
export const WORLD = `world:
  exchange:
    tenant: { domain: acme.test, version: Exchange2019 }
    serviceAccounts:
      - { username: svc-sync@acme.test, password: Svc-Passw0rd-Tiny!, impersonation: { recipientFilter: "Department -eq 'Sales'" } }
    mailboxes:
      - address: marianne@acme.test
        department: Sales
        calendar:
          - { ref: kickoff, subject: Kickoff, start: 2026-03-02T15:00:00Z, end: 2026-03-02T16:00:00Z, body: Agenda }
  salesforce:
    orgs:
      - id: prod
        kind: production
        domain: acme.test
        lightningSync: { serviceAccountUsername: svc-sync@acme.test, ewsUrl: "{exchange.ews}" }
        users: [{ ref: marianne, email: marianne@acme.test }]
        configs:
          - name: Sales
            users: [marianne]
            contacts: { direction: dont-sync }
            events: { direction: exchange-to-salesforce, scope: all, filter: TODAY }
`;

export function scenario(id: string, body: string, seed = 5): string {
  return `id: ${id}\ntitle: ${id}\nrules: [EVT-12, G-02]\nseed: ${seed}\nclock: { start: 2026-03-02T08:00:00Z }\n${WORLD}${body}`;
}

export const EX_TO_SF = scenario('tiny/ex-to-sf', `steps:
  - sync: prod
  - advance: 15m
  - sync: prod
expect:
  - salesforce.event: { org: prod, ref: kickoff, fields: { Subject: Kickoff, Description: Agenda, StartDateTime: 2026-03-02T15:00:00Z } }
  - counts: { org: prod, cycle: last, writes: 0 }
  - counts: { org: prod, cycle: 1, writes: { gte: 1 } }
  - salesforce.event: { org: prod, subject: Kickoff, fields: { Description: Wrong } }
    name: deliberately wrong description
`);
