/**
 * @module
 * Shapes of the sim's sObject schemas. They drive describe, validation on insert/update, and the SOQL data source.
 * Row values are stored in REST form: datetimes as `2026-03-02T08:00:00.000+0000`, dates as `2026-03-02`,
 * booleans, numbers, strings, or null.
 */

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'boolean'
  | 'int'
  | 'double'
  | 'date'
  | 'datetime'
  | 'picklist'
  | 'multipicklist'
  | 'reference';

export interface FieldSchema {
  name: string;
  type: FieldType;
  label: string;
  /** Max characters for text types, 0 otherwise (as describe reports). */
  length: number;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  /** Required on insert: createable, not nillable and no default. */
  required?: boolean;
  /** Value put in on insert when the client gives none. */
  defaultValue?: string | number | boolean | null;
  picklistValues?: string[];
  /** Restricted picklists reject other values (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). */
  restrictedPicklist?: boolean;
  referenceTo?: string[];
  /** Parent relationship name for SOQL (Account for AccountId, Owner for OwnerId, Who for WhoId). */
  relationshipName?: string;
  /** Can be named in a SOQL WHERE (false for long text areas). */
  filterable?: boolean;
}

/** Who may see and change records of an object beyond what the running user owns. */
export type AccessModel =
  /** Has OwnerId; org-wide default (Private / Read / ReadWrite) applies. */
  | 'owned'
  /** Everyone with API access reads; only admins (ModifyAllData or CustomizeApplication) write. */
  | 'setup'
  /** Lightning Sync setup objects: edits need CONN-10 permissions. */
  | 'lightning-sync'
  /** LightningSyncError: reading needs ViewAllData (CONN-10); the engine's admin writes. */
  | 'lightning-sync-error'
  /** Read-only to the API (Organization). */
  | 'readonly';

export interface ObjectSchema {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: FieldSchema[];
  access: AccessModel;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  /** Objects whose records never sync (Task) still exist; this just documents it. */
  note?: string;
}

export interface FieldOptions {
  label?: string;
  length?: number;
  createable?: boolean;
  updateable?: boolean;
  nillable?: boolean;
  required?: boolean;
  defaultValue?: string | number | boolean | null;
  picklistValues?: string[];
  restrictedPicklist?: boolean;
  referenceTo?: string[];
  relationshipName?: string;
  filterable?: boolean;
}
