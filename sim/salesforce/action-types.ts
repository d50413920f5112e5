/**
 * @module
 * The rep/admin action surface of the Salesforce sim (`sim.actions`), for scenario runners, the rehearsal tool and
 * tests. Implemented in actions.ts; the JSON form is in action-json.ts.
 */
import type { Row } from './store.ts';

/** A user by world ref (`ana`) or username (`ana@acme.test`). */
export type UserRef = string;

export interface SalesforceActions {
  userId(org: string, user: UserRef): string;
  createRecord(org: string, as: UserRef, type: string, fields: Record<string, unknown>): string;
  updateRecord(org: string, as: UserRef, id: string, fields: Record<string, unknown>): void;
  deleteRecord(org: string, as: UserRef, id: string): void;
  /** Restores a record from the recycle bin (UI Undelete), as a user. */
  undeleteRecord(org: string, as: UserRef, id: string): void;
  /** Edits a configuration by name as the org admin (CFG-07 and every validation apply). */
  updateConfig(org: string, configName: string, fields: Record<string, unknown>): void;
  setConfigActive(org: string, configName: string, active: boolean): void;
  assignUser(org: string, configName: string, user: UserRef): string;
  assignProfile(org: string, configName: string, profileName: string): string;
  unassign(org: string, configName: string, assignee: UserRef): number;
  markForReset(org: string, user: UserRef): void;
  fixSandboxEmail(org: string, user: UserRef, email?: string): string;
  setOutlookIntegration(org: string, enabled: boolean): void;
  setUserOutlookSetUp(org: string, user: UserRef, setUp: boolean): void;
  setUserActive(org: string, user: UserRef, active: boolean): void;
  /** Changes a user's password (e.g. a rotated integration password); existing sessions stay valid, as in Salesforce. */
  setPassword(org: string, user: UserRef, password: string): void;
  /** The user's password expires: SOAP login answers passwordExpired (jsforce: "Unable to login because the used
   *  password has expired."), the OAuth password flow fails; setPassword ends it. */
  expirePassword(org: string, user: UserRef): void;
  expireSessions(org: string, user?: UserRef): number;
  issueRefreshToken(org: string, user: UserRef, clientId: string): string;
  emptyRecycleBin(org: string): number;
  /** Raw rows (ISO Z datetimes) of a type, deleted ones only with includeDeleted. */
  find(org: string, type: string, predicate?: (row: Row) => boolean, options?: { includeDeleted?: boolean }): Row[];
  get(org: string, id: string): Row | undefined;
  /** Applies a JSON action: `{ "action": "createRecord", "org": "prod", "as": "ana", "type": "Contact", "fields": {…} }`. */
  apply(action: Record<string, unknown>): unknown;
}
