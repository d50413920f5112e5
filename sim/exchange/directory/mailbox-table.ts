/**
 * The directory's mailboxes: the identity fields the world gave (kept for snapshots) and the identity derived from
 * them and the tenant. Re-derived when an admin edits a mailbox or the tenant changes.
 */
import type { MailboxSpec } from '../world.ts';
import { toMailboxIdentity, type MailboxDirectoryEntry, type MailboxIdentity } from './mailbox-identity.ts';
import type { ResolvedTenant } from './tenant.ts';

/** What an admin may change on a mailbox during a run. */
export type MailboxPatch = Partial<Omit<MailboxDirectoryEntry, 'address'>>;

export class MailboxTable {
  readonly #rows = new Map<string, { entry: MailboxDirectoryEntry; identity: MailboxIdentity }>();
  /** Mailboxes per location, kept current on every change so `spansLocations` costs nothing per request. */
  #locationCounts = { 'on-premises': 0, online: 0 };

  get(address: string): MailboxIdentity | undefined {
    return this.#rows.get(key(address))?.identity;
  }

  list(): MailboxIdentity[] {
    return [...this.#rows.values()].map((row) => row.identity);
  }

  /** Identities without copying the table (logon lookups run on every request). */
  *identities(): IterableIterator<MailboxIdentity> {
    for (const row of this.#rows.values()) yield row.identity;
  }

  /** True when mailboxes live both on-premises and online (kept up to date on every change, read per request). */
  get spansLocations(): boolean {
    return this.#locationCounts['on-premises'] > 0 && this.#locationCounts.online > 0;
  }

  entries(): MailboxDirectoryEntry[] {
    return [...this.#rows.values()].map((row) => structuredClone(row.entry));
  }

  passwordOf(address: string): string | undefined {
    return this.#rows.get(key(address))?.entry.password;
  }

  add(spec: MailboxSpec | MailboxDirectoryEntry, tenant: ResolvedTenant): MailboxIdentity {
    const identity = toMailboxIdentity(spec, tenant);
    if (this.#rows.has(identity.address)) throw new Error(`exchange world: mailbox ${identity.address} already exists`);
    const { address, displayName, department, office, company, customAttributes, password, version, location } = spec;
    const entry = stripUndefined({ address, displayName, department, office, company, customAttributes, password, version, location });
    this.#rows.set(identity.address, { entry, identity });
    this.#locationCounts[identity.location]++;
    return identity;
  }

  update(address: string, patch: MailboxPatch, tenant: ResolvedTenant): MailboxIdentity {
    const current = this.#rows.get(key(address));
    if (!current) throw new Error(`updateMailbox: no mailbox ${address}`);
    const entry = stripUndefined({ ...current.entry, ...patch, address: current.entry.address });
    const identity = toMailboxIdentity(entry, tenant);
    this.#rows.set(identity.address, { entry, identity });
    this.#locationCounts[current.identity.location]--;
    this.#locationCounts[identity.location]++;
    return identity;
  }

  remove(address: string): boolean {
    const row = this.#rows.get(key(address));
    if (!row) return false;
    this.#rows.delete(key(address));
    this.#locationCounts[row.identity.location]--;
    return true;
  }

  /** Re-derives every identity after a tenant change (default versions and locations depend on it). */
  reidentify(tenant: ResolvedTenant): void {
    for (const [k, row] of this.#rows) this.#rows.set(k, { entry: row.entry, identity: toMailboxIdentity(row.entry, tenant) });
    this.#recount();
  }

  #recount(): void {
    const counts = { 'on-premises': 0, online: 0 };
    for (const row of this.#rows.values()) counts[row.identity.location]++;
    this.#locationCounts = counts;
  }
}

const key = (address: string) => address.trim().toLowerCase();

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
