/**
 * @module
 * The engine's errors: one class per failure, each with a stable `code` and the structured facts a Lightning Sync
 * Error record needs (ERR-01): record ids and both sides' versions. The suggested fix per code is data here; only
 * the CLI and the reporters turn an error into prose with a next step.
 */
import type { Direction } from './api.ts';

export interface ItemRef {
  object?: 'Contact' | 'Event';
  direction?: Direction;
  sfId?: string;
  exId?: string;
  /** Versions at the time of failure, when known: EX ChangeKey (ours vs server's), SF SystemModstamp. */
  changeKey?: { expected?: string; actual?: string };
  systemModstamp?: { expected?: string; actual?: string };
}

export class SyncError extends Error {
  readonly code: string;
  readonly rule?: string;
  readonly item: ItemRef;

  constructor(code: string, message: string, options: { rule?: string; item?: ItemRef; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.rule = options.rule;
    this.item = options.item ?? {};
  }

  get suggestedFix(): string {
    return suggestedFixFor(this.code);
  }
}

/** A Lightning Sync configuration record that cannot be used as saved (CFG-05, CFG-07, bad picklist values). */
export class ConfigValidationError extends SyncError {
  readonly configId: string;
  readonly configName: string;
  readonly problems: string[];

  constructor(configId: string, configName: string, problems: string[]) {
    super('CONFIG_INVALID', `Lightning Sync configuration "${configName}" (${configId}) cannot be used: ${problems.join(' ')}`,
      { rule: problems.some((p) => p.includes('CFG-07')) ? 'CFG-07' : 'CFG-05' });
    this.configId = configId;
    this.configName = configName;
    this.problems = problems;
  }
}

/** EX item changed since we read it (ErrorIrresolvableConflict with NeverOverwrite, SIM-EX-02). */
export class StaleVersionError extends SyncError {
  constructor(message: string, item: ItemRef, cause?: unknown) {
    super('ErrorIrresolvableConflict', message, { rule: 'G-09', item, cause });
  }
}

/** A write the server refused for one item (SF error array entry or EWS ResponseCode). */
export class ItemWriteError extends SyncError {
  constructor(code: string, message: string, item: ItemRef, cause?: unknown) {
    super(code, message, { item, rule: 'ERR-01', cause });
  }
}

/** Something synclab does not implement yet, said plainly rather than faked. */
export class NotImplementedError extends SyncError {
  constructor(what: string) {
    super('NOT_IMPLEMENTED', `Not implemented in synclab's engine: ${what}`);
  }
}

/** ERR-01: what an admin should do about each error code. */
export const SUGGESTED_FIXES: Readonly<Record<string, string>> = {
  CONFIG_INVALID: 'Edit the Lightning Sync configuration: fix the listed fields and save it again.',
  NOT_IMPLEMENTED: 'This behaviour is not available in synclab yet; see the issue tracker.',
  // Exchange (EWS ResponseCode)
  ErrorIrresolvableConflict: 'The item changed in Exchange while syncing; it is retried next cycle. If it repeats, reset sync for the user.',
  ErrorItemNotFound: 'The Exchange item no longer exists; reset sync for the user if the record should be re-created.',
  ErrorImpersonateUserDenied: 'Give the service account ApplicationImpersonation over this mailbox (check the management scope\'s recipient filter).',
  ErrorNonExistentMailbox: 'The user\'s Salesforce email address has no Exchange mailbox: fix the email address or add the domain to additional domains.',
  ErrorInvalidExchangeImpersonationHeaderData: 'The user has no email address to impersonate: set the user\'s email in Salesforce.',
  ErrorServerBusy: 'Exchange throttled the service account; sync resumes after the back-off. Raise the throttling policy if it persists.',
  ErrorExceededConnectionCount: 'Too many concurrent connections for the service account; lower the engine\'s concurrency or raise EWSMaxConcurrency.',
  ErrorFolderNotFound: 'Create the Salesforce_Sync folder under the user\'s Contacts folder, or reset sync for the user.',
  ErrorFolderSave: 'Exchange refused to create Salesforce_Sync; create it by hand under the user\'s Contacts folder.',
  ErrorQuotaExceeded: 'The user\'s mailbox is full; free space or raise the quota.',
  ErrorInvalidSyncStateData: 'The sync checkpoint was invalid; a full resync runs automatically.',
  ErrorAccessDenied: 'The service account cannot access this item; check impersonation rights and folder permissions.',
  ErrorInvalidPropertyRequest: 'A mapped field cannot be written in Exchange; review the configuration\'s field mappings.',
  ErrorFieldNotSent: 'The engine\'s Exchange client cannot send this field on an update (issue #4); the contact was left unchanged and is retried. Report it with the field named in the message.',
  // Salesforce (error arrays)
  DUPLICATES_DETECTED: 'A duplicate rule blocked the record; merge the duplicates or relax the duplicate rule for the sync user.',
  REQUIRED_FIELD_MISSING: 'Fill in the required field in Exchange (e.g. the contact\'s last name) or make the field optional.',
  STRING_TOO_LONG: 'The Exchange value is longer than the Salesforce field allows; shorten it in Exchange.',
  INSUFFICIENT_ACCESS: 'The user cannot edit this record; check sharing and record ownership.',
  INSUFFICIENT_ACCESS_OR_READONLY: 'The user cannot edit this record; check sharing, profile permissions and field-level security.',
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: 'The user cannot see the related record (account, contact or lead); check sharing.',
  UNABLE_TO_LOCK_ROW: 'Another process held the record; it is retried automatically next cycle.',
  ENTITY_IS_DELETED: 'The Salesforce record was deleted; restore it from the recycle bin or reset sync for the user.',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'A value is not allowed by a restricted picklist; add the value or change the mapping.',
  FIELD_INTEGRITY_EXCEPTION: 'A field value breaks a validation rule; correct the value or the rule.',
  FIELD_CUSTOM_VALIDATION_EXCEPTION: 'A validation rule rejected the record; correct the data or the rule.',
  REQUEST_LIMIT_EXCEEDED: 'The org used its daily API requests; sync resumes when the 24-hour window resets. Consider raising the limit.',
  INVALID_SESSION_ID: 'The sync user\'s session expired; the engine logs in again. If it repeats, check the user\'s password and login IP ranges.',
  INVALID_FIELD: 'A mapped field does not exist in this org; review the configuration\'s field mappings.',
  MALFORMED_ID: 'A stored record id is invalid; reset sync for the user.',
};

export function suggestedFixFor(code: string): string {
  return SUGGESTED_FIXES[code] ?? 'Check the error message; if the item keeps failing, reset sync for the user and contact support.';
}
