/**
 * @module
 * Configuration resolution: Lightning Sync configuration, assignment and user records (as read over REST) → each
 * user's EffectiveConfig or the reason they have none (CFG-01..08, G-09 default), plus the ORG-02 latent-risk list.
 * Pure: no I/O.
 */
export {
  resolveEffectiveConfigs, isEffectiveConfig,
  type ResolvedConfigs, type NoEffectiveConfig, type NoConfigReason, type InactiveAssignment, type RawLightningSyncSetup,
} from './resolve.ts';
export { parseConfigRecord, MAX_EVENT_FILTER_DAYS, type ParsedConfig } from './parse-config.ts';
export { inactiveConfigFindings } from './inactive-risk.ts';
export { configFingerprint } from './fingerprint.ts';
export type { RawConfigRecord, RawAssignmentRecord, RawUserRecord } from './raw-records.ts';
