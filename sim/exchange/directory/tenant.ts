/**
 * The tenant with every default of TenantSpec resolved, so the rest of the sim never re-derives a default.
 */
import { createHash } from 'node:crypto';
import type { ExchangeVersionName, ExchangeWorld, TenantSpec } from '../world.ts';

export type UserNameForm = 'upn' | 'downlevel';
export type AzureCloud = NonNullable<TenantSpec['cloud']>;

export interface ResolvedTenant {
  domain: string;
  netbiosDomain: string;
  version: ExchangeVersionName;
  hybrid: boolean;
  auth: { basic: boolean; ntlm: boolean; oauth: boolean; basicRetired: boolean };
  userNameForms: UserNameForm[];
  cloud: AzureCloud;
  maxConcurrency: number;
  /** Azure AD tenant id (a GUID derived from the domain, stable across runs); the token endpoint also accepts the domain. */
  tenantId: string;
}

const VERSIONS: readonly ExchangeVersionName[] = ['Exchange2010', 'Exchange2013_SP1', 'Exchange2016', 'Exchange2019', 'ExchangeOnline'];
const CLOUDS: readonly AzureCloud[] = ['global', 'usgov', 'china', 'germany'];

export function resolveTenant(world: ExchangeWorld): ResolvedTenant {
  const spec = world.tenant ?? { domain: inferDomain(world) };
  const domain = spec.domain?.trim().toLowerCase();
  if (!domain || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
    throw new Error(`exchange world: tenant.domain must be a DNS domain like acme.test; got ${JSON.stringify(spec.domain)}`);
  }
  const version = spec.version ?? 'Exchange2019';
  if (!VERSIONS.includes(version)) {
    throw new Error(`exchange world: tenant.version ${JSON.stringify(version)} is not one of ${VERSIONS.join(', ')}`);
  }
  const cloud = spec.cloud ?? 'global';
  if (!CLOUDS.includes(cloud)) throw new Error(`exchange world: tenant.cloud ${JSON.stringify(cloud)} is not one of ${CLOUDS.join(', ')}`);
  const userNameForms = spec.userNameForms ?? ['upn', 'downlevel'];
  if (userNameForms.length === 0 || userNameForms.some((f) => f !== 'upn' && f !== 'downlevel')) {
    throw new Error(`exchange world: tenant.userNameForms must list 'upn' and/or 'downlevel'; got ${JSON.stringify(userNameForms)}`);
  }
  const maxConcurrency = spec.maxConcurrency ?? 27;
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
    throw new Error(`exchange world: tenant.maxConcurrency must be a positive integer; got ${maxConcurrency}`);
  }
  return {
    domain,
    netbiosDomain: (spec.netbiosDomain ?? domain.split('.')[0]!).toUpperCase(),
    version,
    hybrid: spec.hybrid ?? false,
    auth: {
      basic: spec.auth?.basic ?? true,
      ntlm: spec.auth?.ntlm ?? true,
      oauth: spec.auth?.oauth ?? version === 'ExchangeOnline',
      basicRetired: spec.auth?.basicRetired ?? false,
    },
    userNameForms: [...new Set(userNameForms)],
    cloud,
    maxConcurrency,
    tenantId: guidFrom(`tenant:${domain}`),
  };
}

/** A world without a tenant block takes its domain from the first service account or mailbox. */
function inferDomain(world: ExchangeWorld): string {
  const address = world.serviceAccounts?.[0]?.username ?? world.mailboxes?.[0]?.address;
  return address?.split('@')[1] ?? 'synclab.test';
}

/** A stable, GUID-shaped id from a name (not random: the same world gives the same ids in every run, G-08). */
export function guidFrom(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
