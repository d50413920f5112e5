/**
 * @module
 * Pure computation of Lightning Sync statuses (STAT-01..04) from configuration, rep state and connection facts.
 * ENG-IO calls these and writes the results to LightningSyncUserStatus / its reports.
 */
export { directionStatus, directionConfigured, DIRECTION_STATUSES, type DirectionFacts, type DirectionKey } from './direction-status.ts';
export { orgActivity, pruneSyncLog, type OrgActivity, type ObjectActivity } from './activity.ts';
export { systemStatus, type SystemFacts, type SystemStatus } from './system-status.ts';
export { userStatus, changedFields, resetStatusLabel, type UserStatusInput, type UserStatusFields, type UserConnectionFacts } from './user-status.ts';
