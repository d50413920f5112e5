/**
 * What the directory knows about a mailbox: identity and the properties management-scope filters read (CONN-04),
 * where it lives (CONN-07) and which server version hosts it (CONN-06). Items live in EX-OPS's store, not here.
 */
import type { ExchangeVersionName, MailboxSpec } from '../world.ts';
import type { FilterableProperty } from './recipient-filter/index.ts';
import { guidFrom, type ResolvedTenant } from './tenant.ts';

export type MailboxLocation = 'on-premises' | 'online';
export type CustomAttributes = NonNullable<MailboxSpec['customAttributes']>;

export interface MailboxIdentity {
  /** Primary SMTP address, lower-cased. */
  address: string;
  displayName: string;
  department?: string;
  office?: string;
  company?: string;
  customAttributes: CustomAttributes;
  version: ExchangeVersionName;
  location: MailboxLocation;
  /** Local part of the address; also the down-level logon name (ACME\alias). */
  alias: string;
  /** Stable GUID (Autodiscover UserDeploymentId, ExchangeGuid). */
  exchangeGuid: string;
  /** legacyExchangeDN, as Autodiscover's UserDN returns it. */
  legacyDn: string;
}

/** The identity fields of a MailboxSpec that the directory keeps (and snapshots). */
export type MailboxDirectoryEntry = Pick<
  MailboxSpec,
  'address' | 'displayName' | 'department' | 'office' | 'company' | 'customAttributes' | 'password' | 'version' | 'location'
>;

const ADDRESS = /^[^\s@]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function toMailboxIdentity(spec: MailboxDirectoryEntry, tenant: ResolvedTenant): MailboxIdentity {
  if (typeof spec.address !== 'string' || !ADDRESS.test(spec.address.trim())) {
    throw new Error(`exchange world: mailbox address ${JSON.stringify(spec.address)} is not an SMTP address like rep@acme.test`);
  }
  const address = spec.address.trim().toLowerCase();
  const alias = address.split('@')[0]!;
  const location: MailboxLocation = spec.location ?? (tenant.version === 'ExchangeOnline' ? 'online' : 'on-premises');
  const version: ExchangeVersionName =
    spec.version ?? (location === 'online' ? 'ExchangeOnline' : tenant.version === 'ExchangeOnline' ? 'Exchange2019' : tenant.version);
  const exchangeGuid = guidFrom(`mailbox:${address}`);
  return {
    address,
    displayName: spec.displayName ?? defaultDisplayName(alias),
    department: spec.department,
    office: spec.office,
    company: spec.company,
    customAttributes: { ...(spec.customAttributes ?? {}) },
    version,
    location,
    alias,
    exchangeGuid,
    legacyDn: `/o=First Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${exchangeGuid.replace(/-/g, '')}-${alias}`,
  };
}

/** rep.one@acme.test → "Rep One". */
function defaultDisplayName(alias: string): string {
  return alias
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** The property reader a recipient filter evaluates against. */
export function recipientProperties(mailbox: MailboxIdentity): (property: FilterableProperty) => string | undefined {
  return (property) => {
    switch (property) {
      case 'Alias':
      case 'Name':
        return mailbox.alias;
      case 'Company':
        return mailbox.company;
      case 'Department':
        return mailbox.department;
      case 'DisplayName':
        return mailbox.displayName;
      case 'Office':
        return mailbox.office;
      case 'PrimarySmtpAddress':
      case 'WindowsEmailAddress':
      case 'UserPrincipalName':
        return mailbox.address;
      case 'RecipientType':
      case 'RecipientTypeDetails':
        return 'UserMailbox';
      default: {
        const n = /^CustomAttribute(\d+)$/.exec(property)?.[1];
        return n ? mailbox.customAttributes[`customAttribute${n}` as keyof CustomAttributes] : undefined;
      }
    }
  };
}
