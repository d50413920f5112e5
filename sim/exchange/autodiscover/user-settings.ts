/**
 * The Autodiscover user settings the sim can answer (MS-OXWSADISC UserSettingName), computed from the directory.
 * Anything not listed here is answered as a per-setting error, never invented.
 */
import type { Directory, MailboxIdentity } from '../directory/index.ts';
import { REQUEST_VERSION_ORDER, SERVER_VERSIONS } from '../soap/server-version.ts';
import type { ExchangeVersionName } from '../world.ts';

export interface SettingsContext {
  directory: Directory;
  ewsUrl: string;
}

/** "15.2.1118.7"-style build string of a server version. */
export function buildString(version: ExchangeVersionName): string {
  const v = SERVER_VERSIONS[version];
  return `${v.majorVersion}.${v.minorVersion}.${v.majorBuildNumber}.${v.minorBuildNumber}`;
}

/** The EWS schema versions a mailbox's server accepts, comma-separated, as EwsSupportedSchemas lists them. */
export function supportedSchemas(version: ExchangeVersionName): string {
  const max: Record<ExchangeVersionName, string> = {
    Exchange2010: 'Exchange2010_SP2',
    Exchange2013_SP1: 'Exchange2013_SP1',
    Exchange2016: 'Exchange2016',
    Exchange2019: 'Exchange2016',
    ExchangeOnline: 'Exchange2016',
  };
  const order = REQUEST_VERSION_ORDER as readonly string[];
  return order.slice(0, order.indexOf(max[version]) + 1).join(', ');
}

function mailboxServer(ctx: SettingsContext, mailbox: MailboxIdentity): string {
  return mailbox.location === 'online' ? 'outlook.office365.com' : `exch01.${ctx.directory.tenant.domain}`;
}

const SETTINGS: Record<string, (ctx: SettingsContext, mailbox: MailboxIdentity) => string> = {
  UserDisplayName: (_ctx, m) => m.displayName,
  UserDN: (_ctx, m) => m.legacyDn,
  UserDeploymentId: (_ctx, m) => m.exchangeGuid,
  AutoDiscoverSMTPAddress: (_ctx, m) => m.address,
  InternalMailboxServer: (ctx, m) => mailboxServer(ctx, m),
  InternalMailboxServerDN: (ctx, m) =>
    `/o=First Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=${m.exchangeGuid}@${ctx.directory.tenant.domain}`,
  MailboxDN: (ctx, m) =>
    `/o=First Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=${m.exchangeGuid}@${ctx.directory.tenant.domain}/cn=Microsoft Private MDB`,
  ActiveDirectoryServer: (ctx) => `dc01.${ctx.directory.tenant.domain}`,
  CasVersion: (_ctx, m) => buildString(m.version),
  EwsSupportedSchemas: (_ctx, m) => supportedSchemas(m.version),
  InternalEwsUrl: (ctx) => ctx.ewsUrl,
  ExternalEwsUrl: (ctx) => ctx.ewsUrl,
  ExternalEwsVersion: (_ctx, m) => buildString(m.version),
  EwsPartnerUrl: (ctx) => ctx.ewsUrl,
};

export const SUPPORTED_USER_SETTINGS: readonly string[] = Object.keys(SETTINGS);

export function userSetting(ctx: SettingsContext, mailbox: MailboxIdentity, name: string): string | undefined {
  return SETTINGS[name]?.(ctx, mailbox);
}
