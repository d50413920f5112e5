/**
 * @module
 * Stamping the audit fields every record carries from the scenario clock: CreatedDate/CreatedById/IsDeleted on
 * create; LastModifiedDate/LastModifiedById/SystemModstamp on every write (Salesforce bumps them even when no value
 * changed, and on delete and undelete).
 */
import type { Org } from './org.ts';
import type { Row } from './store.ts';

export function stamp(org: Org, userId: string, row: Row, created: boolean): void {
  const now = new Date(org.clock.now()).toISOString();
  if (created) {
    row.CreatedDate = now;
    row.CreatedById = userId;
    row.IsDeleted = false;
  }
  row.LastModifiedDate = now;
  row.LastModifiedById = userId;
  row.SystemModstamp = now;
}
