/**
 * Which configuration each user syncs with (CFG-01, CFG-02) and who sits in an inactive one (ORG-02).
 *
 * - Inactive configurations sync nobody (CFG-01).
 * - Individual assignment beats profile assignment (CFG-02). Among several of one kind, the last saved wins: the
 *   assignment with the latest CreatedDate (ties: the config saved last, then the larger id, so the answer never
 *   depends on query order — G-08).
 * - Only ACTIVE configurations compete: an individual assignment to an inactive config does not block a profile
 *   assignment to an active one (docs/decisions/0005-config-resolution.md).
 * - A config that fails validation (CFG-05, CFG-07) syncs nobody; its users get `none: 'config-invalid'` with the
 *   problems, and the error is returned once for an Error record / report.
 */
import type { EffectiveConfig } from '../model.ts';
import { ConfigValidationError } from '../errors.ts';
import { parseConfigRecord } from './parse-config.ts';
import type { RawAssignmentRecord, RawConfigRecord, RawUserRecord } from './raw-records.ts';

export type NoConfigReason = 'not-assigned' | 'config-inactive' | 'config-invalid' | 'user-inactive';

export interface NoEffectiveConfig {
  none: NoConfigReason;
  message: string;
  configId?: string;
}

export interface InactiveAssignment {
  userId: string;
  username?: string;
  configId: string;
  configName: string;
  via: 'User' | 'Profile';
  /** The active configuration the user syncs with now, if any. */
  activeConfigName?: string;
}

export interface ResolvedConfigs {
  byUser: Map<string, EffectiveConfig | NoEffectiveConfig>;
  /** ORG-02: users assigned to an inactive configuration (a latent risk: reactivating it syncs them again). */
  inactiveAssignments: InactiveAssignment[];
  /** Configurations that cannot be used as saved, one error each. */
  invalidConfigs: ConfigValidationError[];
}

export interface RawLightningSyncSetup {
  configs: RawConfigRecord[];
  assignments: RawAssignmentRecord[];
  users: RawUserRecord[];
  /** Scenario time of the read (kept for callers' logs; resolution itself is timeless). */
  now?: number;
}

export function isEffectiveConfig(value: EffectiveConfig | NoEffectiveConfig | undefined): value is EffectiveConfig {
  return value !== undefined && !('none' in value);
}

export function resolveEffectiveConfigs(raw: RawLightningSyncSetup): ResolvedConfigs {
  const configs = new Map(raw.configs.map((c) => [c.Id, c]));
  const parsed = new Map<string, EffectiveConfig | ConfigValidationError>();
  const invalidConfigs: ConfigValidationError[] = [];
  for (const record of [...raw.configs].sort((a, b) => compare(a.Id, b.Id))) {
    const result = parseConfigRecord(record);
    if (result.ok) parsed.set(record.Id, result.config);
    else {
      const error = new ConfigValidationError(record.Id, record.Name ?? record.Id, result.problems);
      parsed.set(record.Id, error);
      invalidConfigs.push(error);
    }
  }

  const byAssignee = new Map<string, RawAssignmentRecord[]>();
  for (const a of raw.assignments) {
    if (!configs.has(a.ConfigId)) continue; // dangling assignment of a deleted config
    const key = `${a.AssigneeType}:${a.AssigneeId}`;
    byAssignee.set(key, [...(byAssignee.get(key) ?? []), a]);
  }
  const newestFirst = (list: RawAssignmentRecord[]) => [...list].sort((a, b) =>
    compare(b.CreatedDate ?? '', a.CreatedDate ?? '') ||
    compare(configs.get(b.ConfigId)?.LastModifiedDate ?? '', configs.get(a.ConfigId)?.LastModifiedDate ?? '') ||
    compare(b.Id, a.Id));

  const byUser = new Map<string, EffectiveConfig | NoEffectiveConfig>();
  const inactiveAssignments: InactiveAssignment[] = [];
  for (const user of [...raw.users].sort((a, b) => compare(a.Id, b.Id))) {
    const individual = newestFirst(byAssignee.get(`User:${user.Id}`) ?? []);
    const viaProfile = user.ProfileId ? newestFirst(byAssignee.get(`Profile:${user.ProfileId}`) ?? []) : [];
    const isActive = (a: RawAssignmentRecord) => configs.get(a.ConfigId)?.IsActive !== false;
    const chosen = individual.find(isActive) ?? viaProfile.find(isActive);
    const chosenName = chosen ? (configs.get(chosen.ConfigId)?.Name ?? chosen.ConfigId) : undefined;

    for (const a of [...individual, ...viaProfile].filter((x) => !isActive(x))) {
      inactiveAssignments.push({
        userId: user.Id, ...(user.Username ? { username: user.Username } : {}),
        configId: a.ConfigId, configName: configs.get(a.ConfigId)?.Name ?? a.ConfigId,
        via: a.AssigneeType === 'Profile' ? 'Profile' : 'User',
        ...(chosenName ? { activeConfigName: chosenName } : {}),
      });
    }

    if (user.IsActive === false) {
      byUser.set(user.Id, { none: 'user-inactive', message: 'The Salesforce user is inactive; inactive users do not sync.' });
    } else if (!chosen) {
      const inactive = [...individual, ...viaProfile][0];
      byUser.set(user.Id, inactive
        ? { none: 'config-inactive', configId: inactive.ConfigId, message: `Assigned only to the inactive configuration "${configs.get(inactive.ConfigId)?.Name ?? inactive.ConfigId}" (CFG-01).` }
        : { none: 'not-assigned', message: 'Not assigned to any Lightning Sync configuration, individually or through the profile.' });
    } else {
      const config = parsed.get(chosen.ConfigId)!;
      byUser.set(user.Id, config instanceof ConfigValidationError
        ? { none: 'config-invalid', configId: chosen.ConfigId, message: config.message }
        : config);
    }
  }
  return { byUser, inactiveAssignments, invalidConfigs };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
