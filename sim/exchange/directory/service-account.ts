/**
 * Service accounts and their ApplicationImpersonation assignment (CONN-04). The password stays inside the
 * directory: callers get `ServiceAccountInfo`, which has none.
 */
import type { ServiceAccountSpec } from '../world.ts';
import { compileRecipientFilter, RecipientFilterError, type CompiledRecipientFilter } from './recipient-filter/index.ts';

export interface ServiceAccountInfo {
  /** UPN, lower-cased. */
  userName: string;
  /** Down-level logon name (the UPN's local part). */
  samAccountName: string;
  /** Absent: the account holds no ApplicationImpersonation role at all. */
  impersonation?: { scopeName: string; recipientFilter?: string };
}

export interface ServiceAccountRecord extends ServiceAccountInfo {
  password: string;
  /** Compiled scope filter; absent with impersonation = organization-wide scope. */
  scope?: CompiledRecipientFilter;
}

export function toServiceAccountRecord(spec: ServiceAccountSpec): ServiceAccountRecord {
  const userName = spec.username?.trim().toLowerCase();
  if (!userName || !/^[^\s@\\]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(userName)) {
    throw new Error(
      `exchange world: serviceAccounts[].username must be a UPN like svc-sync@acme.test; got ${JSON.stringify(spec.username)}`,
    );
  }
  if (typeof spec.password !== 'string' || spec.password === '') {
    throw new Error(`exchange world: service account ${userName} needs a non-empty password`);
  }
  const record: ServiceAccountRecord = { userName, samAccountName: userName.split('@')[0]!, password: spec.password };
  if (spec.impersonation) {
    const filterText = spec.impersonation.recipientFilter?.trim();
    record.impersonation = { scopeName: spec.impersonation.scopeName ?? 'Organization', recipientFilter: filterText || undefined };
    if (filterText) {
      try {
        record.scope = compileRecipientFilter(filterText);
      } catch (error) {
        if (error instanceof RecipientFilterError) {
          throw new Error(`exchange world: service account ${userName}, management scope recipientFilter: ${error.message}`, { cause: error });
        }
        throw error;
      }
    }
  }
  return record;
}

export function toServiceAccountInfo(record: ServiceAccountRecord): ServiceAccountInfo {
  return {
    userName: record.userName,
    samAccountName: record.samAccountName,
    impersonation: record.impersonation && { ...record.impersonation },
  };
}

export function toServiceAccountSpec(record: ServiceAccountRecord): ServiceAccountSpec {
  return {
    username: record.userName,
    password: record.password,
    impersonation: record.impersonation && { scopeName: record.impersonation.scopeName, recipientFilter: record.impersonation.recipientFilter },
  };
}
