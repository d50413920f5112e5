/**
 * @module
 * The `engine.status` expectation: the org-level statuses of the Lightning Sync status page, as the org's engine
 * reported them at the end of its LAST cycle (CycleSummary.status). System statuses are the seed's Table 1 (STAT-01),
 * contact and event activity its Tables 2–3 (STAT-02). Every value takes the usual field matchers.
 */
import { z } from 'zod';
import { FieldMatcher } from './primitives.ts';

const m = (description: string) => FieldMatcher.optional().meta({ description });

/** Table 1. Keys are strict so a misspelt status name is an error, not a check that silently passes. */
export const SystemStatusCheck = z.strictObject({
  serviceAccountUserName: m('"Microsoft Exchange service account provided": the service account user name, or "None"'),
  outlookIntegrationEnabled: m('"Outlook integration enabled": "Yes" or "No"'),
  serviceAccountRecognized: m('"Salesforce recognizes Microsoft Exchange service account": true, false, or null (not known yet)'),
  linkedUsers: m('"Users with linked Microsoft Exchange and Salesforce email addresses": the number of reps'),
  linkedUsersVerdict: m('How that number reads: "expected" (every assigned rep), "unexpected" (some), "none" (0)'),
});

/** Tables 2 and 3 (same shape for contacts and events). */
export const ActivityCheck = z.strictObject({
  lastSyncActivity: m('"Last sync activity": ISO time of the last record synced, null when none ever synced'),
  freshness: m('How that time reads: "minutes" (within the last hour), "hours" (within 24 h), "past-date", "never"'),
  last60Minutes: m('"Records synced in last 60 minutes"'),
  last24Hours: m('"Records synced in last 24 hours"'),
});

export const EngineStatusSchema = z
  .strictObject({
    org: z.string().min(1),
    system: SystemStatusCheck.optional(),
    contacts: ActivityCheck.optional(),
    events: ActivityCheck.optional(),
  })
  .meta({ description: "STAT-01/02: the org's system statuses and contact/event activity as of its engine's last cycle" });

export type EngineStatusArgs = z.infer<typeof EngineStatusSchema>;
