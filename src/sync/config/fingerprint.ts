/**
 * A stable fingerprint of a rep's effective configuration. When it differs from the one the rep last synced with, the
 * I/O layer must read both sides in full: items a filter, direction, window or flag kept out before are not in an
 * incremental change set, yet may sync now (e.g. CFG-06 "Selected Contacts" fixed to "+ User's Records" → the rep's
 * contacts arrive at the next cycle).
 */
import { createHash } from 'node:crypto';
import type { EffectiveConfig } from '../model.ts';

export function configFingerprint(config: EffectiveConfig): string {
  // The config id/name do not change what syncs; moving a rep to an identical config needs no full read.
  const { configId: _id, name: _name, ...settings } = config;
  return createHash('sha256').update(sortedJson(settings)).digest('base64url').slice(0, 24);
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
