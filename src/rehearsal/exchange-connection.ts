/**
 * @module
 * How the rehearsed company connects Lightning Sync to Exchange (CONN-01): an Exchange service account (the default,
 * optionally on an Exchange Online tenant where Microsoft retired Basic authentication, CONN-08) or OAuth 2.0 to
 * Exchange Online (with or without the global admin's consent, CONN-05). One place decides, for ORG.yaml's
 * `exchange` block (valid combinations: connection-problems.ts): what the Exchange sim's tenant / accounts / OAuth app look like,
 * what the Salesforce org's Lightning Sync setup says, and the engine's `exchange` config — the same shape the
 * scenario environment builds (src/scenario/env/engine-driver.ts), so a rehearsal connects exactly like a scenario.
 */
import type { EngineConfig } from '../sync/api.ts';
import type { OAuthAppSpec, ServiceAccountSpec, TenantSpec } from '../../sim/exchange/world.ts';
import type { LightningSyncSetupSpec } from '../../sim/salesforce/world.ts';
import type { OrgFile } from './schema.ts';

export type ConnectionMethod = 'service-account' | 'oauth';

/** The service account's default management-scope filter; OAuth has no scope (src/rehearsal/connection-problems.ts). */
export const DEFAULT_SCOPE = "Department -eq 'Sales'";
/** The app the global admin consents to; its secret is a world secret and never reaches the report. */
export const OAUTH_CLIENT_ID = 'salesforce-lightning-sync';

export interface RehearsalConnection {
  method: ConnectionMethod;
  /** Service-account rehearsals: the account the engine logs on with. */
  serviceAccount?: { username: string; password: string };
  /** OAuth rehearsals: the registered app and the tenant the token is asked for. */
  oauth?: { clientId: string; clientSecret: string; tenantId: string; consent: boolean };
  basicAuthRetired: boolean;
}

export const methodOf = (file: OrgFile): ConnectionMethod => file.exchange.connection ?? 'service-account';

/** The connection the rehearsal world gets; secrets are derived from the seed like the rest of the world (G-08). */
export function rehearsalConnection(file: OrgFile, seed: number): RehearsalConnection {
  const domain = file.exchange.domain;
  const basicAuthRetired = file.exchange.basicAuthRetired === true;
  if (methodOf(file) === 'oauth') {
    return { method: 'oauth', basicAuthRetired, oauth: { clientId: OAUTH_CLIENT_ID, clientSecret: `App-${seed}-Rehearse-S3cret!`, tenantId: domain, consent: file.exchange.consent !== 'missing' } };
  }
  return { method: 'service-account', basicAuthRetired, serviceAccount: { username: `svc-sync@${domain}`, password: `Svc-${seed}-Rehearse!` } };
}

/** The Exchange sim's side of the connection: tenant auth settings, service accounts and OAuth apps. */
export function exchangeWorldAccess(file: OrgFile, c: RehearsalConnection): { auth?: TenantSpec['auth']; serviceAccounts: ServiceAccountSpec[]; oauthApps?: OAuthAppSpec[] } {
  if (c.oauth) {
    const app: OAuthAppSpec = { clientId: c.oauth.clientId, clientSecret: c.oauth.clientSecret, ...(c.oauth.consent ? { consent: { grantedBy: `globaladmin@${file.exchange.domain}` } } : {}) };
    return { auth: { oauth: true }, serviceAccounts: [], oauthApps: [app] };
  }
  const account: ServiceAccountSpec = { ...c.serviceAccount!, impersonation: { scopeName: 'Salesforce Sync Reps', recipientFilter: file.exchange.scope ?? DEFAULT_SCOPE } };
  // Exchange Online blocks legacy authentication as a whole, NTLM included (as scenarios/connection/basic-auth-retired).
  return { ...(c.basicAuthRetired ? { auth: { basic: true, ntlm: false, basicRetired: true } } : {}), serviceAccounts: [account] };
}

/** The Salesforce org's Lightning Sync setup fields for this connection (the sim's LightningSyncSetup record). */
export function lightningSyncSetup(file: OrgFile, c: RehearsalConnection): LightningSyncSetupSpec {
  // OAuth connects to Exchange Online's one well-known EWS endpoint (outlook.office365.com/EWS/Exchange.asmx): the
  // setup names it, as scenarios/connection/oauth-token-refresh does. A service account finds its EWS URL through
  // Autodiscover, as on a real rollout (a 401 there is recognised as CONN-08 since the engine keeps the status).
  if (c.oauth) return { method: 'oauth', oauthTenantId: c.oauth.tenantId, ewsUrl: '{exchange.ews}' };
  return { method: 'service-account', serviceAccountUsername: c.serviceAccount!.username, additionalDomains: file.exchange.additionalDomains ?? [] };
}

/** The engine's `exchange` config, as the scenario environment builds it for the same world. */
export function engineExchangeConfig(c: RehearsalConnection, urls: { token?: string }): EngineConfig['exchange'] {
  if (c.oauth) {
    if (!urls.token) throw new Error('the Exchange sim has no token endpoint URL; an OAuth rehearsal needs one (CONN-05)');
    return { method: 'oauth', tokenUrl: urls.token, tenantId: c.oauth.tenantId, clientId: c.oauth.clientId, clientSecret: c.oauth.clientSecret };
  }
  return { method: 'service-account', username: c.serviceAccount!.username, password: c.serviceAccount!.password };
}

/** Literal secrets of the connection, for scrubbing reports. */
export const connectionSecrets = (c: RehearsalConnection): string[] => [c.serviceAccount?.password, c.oauth?.clientSecret].filter((s): s is string => !!s);
