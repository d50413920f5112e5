/**
 * @module
 * How the rehearsed company connects Lightning Sync to Exchange (CONN-01): an Exchange service account (the default,
 * optionally on an Exchange Online tenant where Microsoft retired Basic authentication, CONN-08) or OAuth 2.0 to
 * Exchange Online (with or without the global admin's consent, CONN-05). One place decides, for ORG.yaml's
 * `exchange` block: which combinations are valid, what the Exchange sim's tenant / accounts / OAuth app look like,
 * what the Salesforce org's Lightning Sync setup says, and the engine's `exchange` config — the same shape the
 * scenario environment builds (src/scenario/env/engine-driver.ts), so a rehearsal connects exactly like a scenario.
 */
import type { EngineConfig } from '../sync/api.ts';
import type { OAuthAppSpec, ServiceAccountSpec, TenantSpec } from '../../sim/exchange/world.ts';
import type { LightningSyncSetupSpec } from '../../sim/salesforce/world.ts';
import type { OrgFile } from './schema.ts';

export type ConnectionMethod = 'service-account' | 'oauth';

/** Decision (docs/rehearsal.md): OAuth rehearsals have no impersonation scope, see `connectionProblems`. */
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

/** Combinations ORG.yaml cannot describe, each with the field to point at and what to do (load.ts adds line:col). */
export function connectionProblems(file: OrgFile): Array<{ path: Array<string | number>; message: string }> {
  const ex = file.exchange;
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  const at = (field: string) => (field in ex ? ['exchange', field] : ['exchange', 'connection']);
  if (methodOf(file) === 'oauth') {
    if (ex.version !== 'ExchangeOnline') {
      out.push({ path: at('version'), message: `connection: oauth connects to Exchange Online only (CONN-01, CONN-05); set version: ExchangeOnline, or use connection: service-account for ${ex.version ?? 'an on-premises server'}` });
    }
    if (ex.hybrid === true) out.push({ path: ['exchange', 'hybrid'], message: 'connection: oauth reaches only the Exchange Online side of a hybrid deployment, and hybrid deployments are not supported (CONN-07); remove hybrid, or use connection: service-account to rehearse the hybrid risk' });
    // The sim's OAuth app holds full_access_as_app over the whole tenant (sim/exchange/directory/impersonation.ts):
    // no management scope applies, so a scope here would promise a CONN-04 check that cannot happen.
    if (ex.scope !== undefined) out.push({ path: ['exchange', 'scope'], message: 'an OAuth app (full_access_as_app) reaches every mailbox of the tenant, so there is no impersonation scope (CONN-04 is a service-account rule); remove scope, or use connection: service-account' });
    if (ex.additionalDomains !== undefined) out.push({ path: ['exchange', 'additionalDomains'], message: "additional domains are a service-account setting (CONN-03); with OAuth every domain of the tenant links — remove additionalDomains" });
    if (ex.basicAuthRetired !== undefined) out.push({ path: ['exchange', 'basicAuthRetired'], message: 'basicAuthRetired models the service-account method losing Basic authentication (CONN-08); OAuth is not affected — remove it, or set connection: service-account to rehearse the retirement' });
    file.groups.forEach((g, gi) => {
      if ((g.outsideScope ?? 0) > 0) out.push({ path: ['groups', gi, 'outsideScope'], message: 'with connection: oauth no mailbox is outside an impersonation scope (the app reaches every mailbox); remove outsideScope, or use connection: service-account' });
    });
  } else {
    if (ex.consent !== undefined) out.push({ path: ['exchange', 'consent'], message: 'consent is the global admin\'s consent to the OAuth app (CONN-05); it applies to connection: oauth only — remove consent, or set connection: oauth' });
    if (ex.basicAuthRetired === true) {
      if (ex.version !== 'ExchangeOnline') out.push({ path: ['exchange', 'basicAuthRetired'], message: `Microsoft retires Basic authentication in Exchange Online tenants only (CONN-08); set version: ExchangeOnline, or remove basicAuthRetired (version is ${ex.version ?? 'Exchange2019 by default'})` });
      if (ex.hybrid === true) out.push({ path: ['exchange', 'basicAuthRetired'], message: 'in a hybrid deployment the service account logs on to the on-premises servers, where Basic still works; remove basicAuthRetired or hybrid' });
    }
  }
  return out;
}

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
  // Exchange Online serves EWS at one well-known endpoint (outlook.office365.com/EWS/Exchange.asmx), so the setup
  // names it instead of Autodiscover — as scenarios/connection/basic-auth-retired and oauth-token-refresh do. Also
  // why: ews-javascript-api rejects an Autodiscover 401 with the bare HTML body, which the engine cannot tell from
  // any other failure, so a retired-Basic tenant would show as an unclassified HttpError instead of CONN-08.
  const ews = file.exchange.version === 'ExchangeOnline' && file.exchange.hybrid !== true ? { ewsUrl: '{exchange.ews}' } : {};
  if (c.oauth) return { method: 'oauth', oauthTenantId: c.oauth.tenantId, ...ews };
  return { method: 'service-account', serviceAccountUsername: c.serviceAccount!.username, additionalDomains: file.exchange.additionalDomains ?? [], ...ews };
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
