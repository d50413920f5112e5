/**
 * Lightning Sync setup records as the engine reads them over REST (field lists: LIGHTNING_SYNC_OBJECTS in
 * sim/salesforce/world.ts, copied here as types because src/sync never imports sim/). Every field may be missing or
 * null in a query result, so everything but Id is optional.
 */

export interface RawConfigRecord {
  Id: string;
  Name?: string | null;
  IsActive?: boolean | null;
  /** 'DontSync' | 'SalesforceToExchange' | 'ExchangeToSalesforce' | 'BothWays' */
  ContactSyncDirection?: string | null;
  EventSyncDirection?: string | null;
  /** 'SelectedUsersRecords' | 'SelectedOnly' | 'AllContacts' */
  ContactFilter?: string | null;
  /** JSON text (or already-parsed array) of { field, operator, value }. */
  ContactFieldFilters?: string | unknown[] | null;
  /** 'AllEvents' | 'UserSelectedEvents' */
  EventScope?: string | null;
  /** 'TODAY' | 'LAST_MONTH' | 'LAST_N_DAYS' */
  EventFilter?: string | null;
  EventFilterDays?: number | null;
  SyncPrivateEvents?: boolean | null;
  DeleteSyncedEvents?: boolean | null;
  AutoRelateEvents?: boolean | null;
  SyncEventSeries?: boolean | null;
  /** 'LatestChangeWins' | 'SalesforceWins' | 'ExchangeWins' */
  ConflictPolicy?: string | null;
  /** JSON text (or parsed object) of SF field → EX property | null overrides. */
  ContactFieldMapping?: string | Record<string, unknown> | null;
  EventFieldMapping?: string | Record<string, unknown> | null;
  /**
   * Optional (synclab extension, docs/decisions/0003): comma-separated EX sensitivities that count as private,
   * e.g. "Private" (default) or "Private,Personal,Confidential".
   */
  PrivateSensitivities?: string | null;
  LastModifiedDate?: string | null;
}

export interface RawAssignmentRecord {
  Id: string;
  ConfigId: string;
  /** 'User' | 'Profile' */
  AssigneeType: string;
  AssigneeId: string;
  CreatedDate?: string | null;
}

export interface RawUserRecord {
  Id: string;
  Username?: string | null;
  Email?: string | null;
  ProfileId?: string | null;
  IsActive?: boolean | null;
}
