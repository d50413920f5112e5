/** A small tenant shared by the exchange-auth tests. */
import type { ExchangeWorld } from '../../../sim/exchange/world.ts';

export const SVC_PASSWORD = 'Svc&<pass>1';

export function acmeWorld(overrides: Partial<ExchangeWorld> = {}): ExchangeWorld {
  return {
    tenant: { domain: 'acme.test' },
    serviceAccounts: [
      { username: 'svc-sync@acme.test', password: SVC_PASSWORD, impersonation: { scopeName: 'SalesReps', recipientFilter: "Department -eq 'Sales'" } },
      { username: 'svc-all@acme.test', password: 'all-pw', impersonation: {} },
      { username: 'svc-none@acme.test', password: 'none-pw' },
    ],
    oauthApps: [{ clientId: 'app-1', clientSecret: 'secret-1', consent: { grantedBy: 'admin@acme.test' } }],
    mailboxes: [
      { address: 'Rep1@acme.test', displayName: 'Rep One', department: 'Sales', password: 'rep1-pw' },
      { address: 'rep2@acme.test', department: 'Sales', office: 'Paris' },
      { address: 'fin@acme.test', department: 'Finance' },
      { address: 'admin@acme.test', department: 'IT' },
    ],
    ...overrides,
  };
}
