/**
 * @module
 * The `exchange` combinations ORG.yaml cannot rehearse (CONN-01, CONN-05, CONN-07, CONN-08), each with the field to
 * point at and what to do instead; src/rehearsal/load.ts turns them into `file:line:col field: message` problems.
 * The decisions behind them are in docs/rehearsal.md (ORG.yaml table) and src/rehearsal/exchange-connection.ts.
 */
import { methodOf } from './exchange-connection.ts';
import type { OrgFile } from './schema.ts';

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
