/**
 * @module
 * The world `synclab serve` starts with: an Exchange 2019 tenant, a service account whose ApplicationImpersonation
 * scope is `Department -eq 'Sales'`, five Sales reps with faker contacts and events (private and recurring ones
 * included), and one mailbox outside the scope (CONN-04 negative path).
 */
import type { ExchangeWorld, MailboxSpec } from '../world.ts';

export const DEMO_SERVICE_ACCOUNT = { username: 'svc-sync@acme.test', password: 'Sync-Demo-1!' };

export function buildDemoExchangeWorld(seed = 1): ExchangeWorld {
  const reps: MailboxSpec[] = ['ava.reed', 'ben.ortiz', 'chloe.kim', 'dev.patel', 'emma.novak'].map((alias, i) => ({
    address: `${alias}@acme.test`,
    displayName: alias
      .split('.')
      .map((p) => p[0]!.toUpperCase() + p.slice(1))
      .join(' '),
    department: 'Sales',
    office: i % 2 ? 'Berlin' : 'Boston',
    password: `Rep-${seed}-${i}!`,
    salesforceSyncFolder: i % 2 === 0,
    contacts: [{ generate: 8 + i, folder: i % 2 === 0 ? 'Salesforce_Sync' : 'contacts' }],
    calendar: [
      { generate: 10 + i, privateShare: 0.2, recurringShare: 0.2, spreadDays: 21 },
      {
        ref: `weekly-${alias}`,
        subject: 'Weekly pipeline review',
        start: '2026-03-02T09:00:00Z',
        end: '2026-03-02T09:30:00Z',
        recurrence: { pattern: 'weekly', daysOfWeek: ['Monday'], count: 12 },
      },
      { ref: `private-${alias}`, subject: 'Doctor', start: '2026-03-04T15:00:00Z', end: '2026-03-04T16:00:00Z', sensitivity: 'Private' },
    ],
  }));
  return {
    tenant: { domain: 'acme.test', version: 'Exchange2019' },
    serviceAccounts: [
      {
        username: DEMO_SERVICE_ACCOUNT.username,
        password: DEMO_SERVICE_ACCOUNT.password,
        impersonation: { scopeName: 'Salesforce Sync Reps', recipientFilter: "Department -eq 'Sales'" },
      },
    ],
    mailboxes: [
      ...reps,
      {
        address: 'finn.hall@acme.test',
        displayName: 'Finn Hall',
        department: 'Finance',
        password: `Fin-${seed}!`,
        contacts: [{ generate: 3, folder: 'contacts' }],
        calendar: [{ generate: 4 }],
      },
    ],
  };
}
