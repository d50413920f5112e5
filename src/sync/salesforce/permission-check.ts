/**
 * @module
 * CONN-10 up front: the integration user needs Customize Application, Manage Users and Manage Lightning Sync to read
 * and write the Lightning Sync setup, configurations and statuses; the error report needs View All Data. Without this
 * check a missing permission showed up as scattered INSUFFICIENT_ACCESS refusals in the middle of a cycle; now the
 * cycle refuses before its first setup read, with one error naming every missing permission and where to grant it.
 *
 * A user's permissions are their profile's plus every assigned permission set's (two queries, parent fields). An org
 * that cannot answer (e.g. a real org without a Manage Lightning Sync permission field) is not blocked here: the
 * setup reads that follow fail with their own error.
 */
import { OrgPausedError } from './sf-error.ts';
import type { SalesforceSession } from './sf-session.ts';
import { queryRecords, soqlString } from './soql.ts';

/** API field (without the `Permissions` prefix) → the label an admin sees in Setup. */
export const REQUIRED_PERMISSIONS = {
  CustomizeApplication: 'Customize Application',
  ManageUsers: 'Manage Users',
  ManageLightningSync: 'Manage Lightning Sync',
} as const;
export const ERROR_REPORT_PERMISSION = { ViewAllData: 'View All Data' } as const;

const ALL = [...Object.keys(REQUIRED_PERMISSIONS), ...Object.keys(ERROR_REPORT_PERMISSION)];

export type PermissionVerdict =
  | { checked: true; missing: string[]; errorReportMissing: string[] }
  | { checked: false; reason: string };

export async function checkIntegrationPermissions(session: SalesforceSession): Promise<PermissionVerdict> {
  const fields = (prefix: string) => ALL.map((p) => `${prefix}Permissions${p}`).join(', ');
  let rows: Array<Record<string, unknown>>;
  try {
    if (!session.userId) await session.login();
    const id = soqlString(session.userId);
    const [users, assignments] = await Promise.all([
      queryRecords<Record<string, unknown>>(session, `SELECT Id, ${fields('Profile.')} FROM User WHERE Id = ${id}`),
      queryRecords<Record<string, unknown>>(session, `SELECT Id, ${fields('PermissionSet.')} FROM PermissionSetAssignment WHERE AssigneeId = ${id}`),
    ]);
    rows = [...users.map((u) => u.Profile), ...assignments.map((a) => a.PermissionSet)].filter((r): r is Record<string, unknown> => !!r && typeof r === 'object');
  } catch (error) {
    if (error instanceof OrgPausedError) throw error;
    return { checked: false, reason: (error as Error).message };
  }
  const granted = new Set(ALL.filter((p) => rows.some((r) => r[`Permissions${p}`] === true)));
  const missing = Object.entries(REQUIRED_PERMISSIONS).filter(([p]) => !granted.has(p)).map(([, label]) => label);
  const errorReportMissing = Object.entries(ERROR_REPORT_PERMISSION).filter(([p]) => !granted.has(p)).map(([, label]) => label);
  return { checked: true, missing, errorReportMissing };
}

/** The one actionable refusal for a cycle (or the connection test) when required permissions are missing. */
export function missingPermissionsMessage(org: string, username: string, missing: string[]): string {
  return `the integration user ${username} of org ${org} lacks ${missing.join(', ')} (CONN-10): Lightning Sync setup, configurations and statuses need Customize Application, Manage Users and Manage Lightning Sync. Grant them through the user's profile or a permission set (Setup → Users → ${username}), then run the next cycle; nothing was read or written.`;
}

export function errorReportMessage(username: string): string {
  return `${username} lacks View All Data: the engine still syncs and writes Lightning Sync errors, but this user cannot read the error report (CONN-10). Grant View All Data to review errors as this user.`;
}
