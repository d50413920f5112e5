/**
 * @module
 * The connection checks that decide whether a rep can sync at all, before anything is read: email linked (CONN-03
 * additional domains; ORG-03 sandbox `.invalid` addresses), supported server version (CONN-06) and a hybrid
 * deployment across the org's mailboxes (CONN-07). Pure functions over what the engine has learned.
 */
import type { ServerVersion } from '../exchange/mailbox-reads.ts';
import type { EngineConfig } from '../api.ts';
import type { SetupRecord } from '../salesforce/setup-reader.ts';

export interface VersionVerdict {
  supported: boolean;
  kind: 'online' | 'on-premises';
  label: string;
}

/** CONN-06: Exchange 2013 SP1 (15.0.847) and later, 2016, 2019 and Online are supported; 2010 and older are not. */
export function classifyVersion(v: ServerVersion): VersionVerdict {
  const kind = v.major === 15 && v.minor >= 20 ? 'online' : 'on-premises';
  const label =
    kind === 'online' ? 'Exchange Online'
      : v.major < 15 ? `Exchange ${v.major === 14 ? '2010' : v.major === 8 ? '2007' : `major version ${v.major}`}`
        : v.minor === 0 ? (v.build >= 847 ? 'Exchange 2013 SP1' : 'Exchange 2013 (before SP1)')
          : v.minor === 1 ? 'Exchange 2016' : v.minor === 2 ? 'Exchange 2019' : `Exchange 15.${v.minor}`;
  const supported = v.major > 15 || (v.major === 15 && (v.minor > 0 || v.build >= 847));
  return { supported, kind, label: `${label} (${v.major}.${v.minor}.${v.build}${v.versionString ? `, ${v.versionString}` : ''})` };
}

/** CONN-07: mailboxes of one org on both sides of a hybrid deployment. */
export function detectHybrid(kinds: Map<string, 'online' | 'on-premises'>): { hybrid: boolean; online: string[]; onPremises: string[] } {
  const online = [...kinds].filter(([, k]) => k === 'online').map(([m]) => m).sort();
  const onPremises = [...kinds].filter(([, k]) => k === 'on-premises').map(([m]) => m).sort();
  return { hybrid: online.length > 0 && onPremises.length > 0, online, onPremises };
}

export type LinkVerdict = { linked: true } | { linked: false; rule: 'CONN-03' | 'ORG-03'; message: string };

/** CONN-03 / ORG-03: is the rep's Salesforce email an address the service account will recognise? */
export function checkEmailLinked(email: string | null | undefined, config: EngineConfig, setup: SetupRecord | undefined): LinkVerdict {
  if (!email) return { linked: false, rule: 'CONN-03', message: 'The user has no email address in Salesforce; set it to the Exchange mailbox address.' };
  const address = email.toLowerCase();
  if (address.endsWith('.invalid')) {
    return { linked: false, rule: 'ORG-03', message: `The user's email ${email} still carries the sandbox ".invalid" suffix; fix the email address in this sandbox so it links to Exchange.` };
  }
  if (config.exchange.method === 'oauth') return { linked: true }; // the tenant's consent covers all its domains
  const domain = address.split('@')[1] ?? '';
  const accountDomain = serviceAccountDomain(config.exchange.username, setup);
  const extra = (setup?.AdditionalDomains ?? '').split(',').map((d) => d.trim().toLowerCase()).filter(Boolean);
  if (!accountDomain || domain === accountDomain || extra.includes(domain)) return { linked: true };
  return {
    linked: false,
    rule: 'CONN-03',
    message: `The user's email domain ${domain} differs from the service account's domain ${accountDomain} and is not listed in additional domains; add ${domain} to the additional domains in Lightning Sync setup.`,
  };
}

function serviceAccountDomain(username: string, setup: SetupRecord | undefined): string | undefined {
  for (const name of [username, setup?.ServiceAccountUsername ?? '']) {
    const at = name.lastIndexOf('@');
    if (at > 0) return name.slice(at + 1).toLowerCase();
  }
  return undefined; // down-level name only (DOMAIN\\user): the SMTP domain is unknown, so no domain check
}

/** Decision 0001: the engine's service account must be the one the org's setup names (either name form, CONN-02). */
export function serviceAccountMatches(config: EngineConfig, setup: SetupRecord | undefined): boolean {
  const named = setup?.ServiceAccountUsername?.trim();
  if (!named || config.exchange.method !== 'service-account') return true;
  const user = (name: string) => (name.includes('\\') ? name.split('\\')[1]! : name.split('@')[0]!).toLowerCase();
  return user(named) === user(config.exchange.username);
}
