/**
 * @module
 * The world `synclab serve` starts: a production org "prod" and a sandbox "uat" (ORG-03: usernames with `.uat`,
 * emails `.invalid` until fixed), each with an admin holding every CONN-10 permission plus View All Data, and one
 * rep per demo mailbox; prod has Lightning Sync set up and one active configuration with every rep assigned.
 */
import type { OrgSpec, SalesforceWorld, UserSpec } from './world.ts';

export const DEMO_CLIENT_ID = 'synclab-demo-client';
export const DEMO_CLIENT_SECRET = 'synclab-demo-secret';

export function buildDemoSalesforceWorld(seed: number, repEmails: string[]): SalesforceWorld {
  if (repEmails.length === 0) throw new Error('buildDemoSalesforceWorld: give at least one rep email (the demo mailboxes)');
  const domain = repEmails[0]!.split('@')[1] ?? 'acme.test';
  const reps = (sandbox: string | undefined): UserSpec[] =>
    repEmails.map((email) => {
      const ref = email.split('@')[0]!.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'rep';
      return { ref, username: sandbox ? `${email}.${sandbox}` : email, email, timeZone: 'America/Los_Angeles' };
    });
  const admin: UserSpec = { ref: 'admin', admin: true, firstName: 'Sync', lastName: 'Admin', password: `synclab-admin-${seed}` };
  const common: Pick<OrgSpec, 'domain' | 'connectedApps' | 'edition'> = {
    domain,
    edition: 'Enterprise',
    connectedApps: [{ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }],
  };
  const prodReps = reps(undefined);
  return {
    orgs: [
      {
        id: 'prod',
        kind: 'production',
        ...common,
        lightningSync: { method: 'service-account', serviceAccountUsername: `svc-sync@${domain}`, outlookIntegrationEnabled: true },
        users: [admin, ...prodReps],
        accounts: [{ ref: 'acme', name: 'Acme Corporation' }],
        contacts: [{ generate: 10 }],
        configs: [{ name: 'Sales Reps', active: true, users: prodReps.map((r) => r.ref) }],
      },
      {
        id: 'uat',
        kind: 'sandbox',
        ...common,
        users: [{ ...admin, password: `synclab-admin-${seed}-uat` }, ...reps('uat')],
      },
    ],
  };
}
