/**
 * ORG-02: a rep left in an inactive configuration syncs again the moment someone reactivates it — in a sandbox that
 * means test data in a production mailbox. Each such assignment is reported as an `inactive-config-risk` finding.
 */
import { finding, type PlanFinding } from '../findings.ts';
import type { InactiveAssignment } from './resolve.ts';

export function inactiveConfigFindings(org: string, assignments: InactiveAssignment[]): PlanFinding[] {
  return assignments.map((a) => finding({ org, rep: a.username ?? a.userId }, 'inactive-config-risk', 'ORG-02',
    `${a.username ?? a.userId} is assigned (${a.via === 'Profile' ? 'through the profile' : 'individually'}) to the inactive configuration "${a.configName}" in org ${org}`
    + (a.activeConfigName ? ` while syncing with "${a.activeConfigName}"` : '')
    + '. Reactivating it would sync this user again; remove the assignment instead of relying on the inactive flag (CFG-09).'));
}
