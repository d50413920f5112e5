/**
 * @module
 * Salesforce record ids: 15 case-sensitive characters (3-char key prefix + 12) plus the 3-char case-safe checksum
 * that makes the 18-char form. The sim always answers with 18-char ids and accepts 15-char ids anywhere, normalising
 * them, as Salesforce does. Ids are deterministic: they come from a per-org counter and a seeded "pod" infix.
 */
import type { Rng } from '#util/random.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Key prefixes of the objects the sim serves (real prefixes; Lightning Sync ones are synclab's, see world.ts). */
export const KEY_PREFIXES = {
  Organization: '00D',
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Event: '00U',
  Task: '00T',
  User: '005',
  Profile: '00e',
  PermissionSet: '0PS',
  PermissionSetAssignment: '0Pa',
  EventRelation: '0RE',
  LightningSyncSetup: '0Lx',
  LightningSyncConfig: '0Ly',
  LightningSyncConfigAssignment: '0Lz',
  LightningSyncError: '0Le',
  LightningSyncUserStatus: '0Lu',
  QueryLocator: '01g',
} as const;

/** The 3 checksum characters for a 15-char id: one per 5-char chunk, bit i set when char i is upper case. */
export function idChecksum(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    out += CHECKSUM_ALPHABET[bits];
  }
  return out;
}

const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[A-Za-z0-5]{3})?$/;

/**
 * The 18-char form of `id`, or undefined when it is not a well-formed id (wrong length, bad characters, or an
 * 18-char id whose checksum does not match its first 15 characters).
 */
export function normalizeId(id: unknown): string | undefined {
  if (typeof id !== 'string' || !ID_SHAPE.test(id)) return undefined;
  const id15 = id.slice(0, 15);
  const full = id15 + idChecksum(id15);
  if (id.length === 18 && id.slice(15).toUpperCase() !== full.slice(15)) return undefined;
  return full;
}

function base62(n: number, width: number): string {
  let s = '';
  let v = n;
  while (v > 0) {
    s = BASE62[v % 62] + s;
    v = Math.floor(v / 62);
  }
  return s.padStart(width, '0');
}

/** Hands out ids for one org: prefix + 2-char pod infix + zero-padded base62 counter + checksum. */
export class IdFactory {
  readonly infix: string;
  #counters: Record<string, number>;

  constructor(rng: Rng, counters: Record<string, number> = {}) {
    // Real ids carry a pod/instance marker after the prefix (e.g. 003Dn00000…); two seeded characters stand in.
    this.infix = BASE62[rng.int(10, 35)]! + BASE62[rng.int(36, 61)]!;
    this.#counters = { ...counters };
  }

  next(prefix: string): string {
    const n = (this.#counters[prefix] ?? 0) + 1;
    this.#counters[prefix] = n;
    const id15 = prefix + this.infix + base62(n, 10);
    return id15 + idChecksum(id15);
  }

  counters(): Record<string, number> {
    return { ...this.#counters };
  }

  restore(counters: Record<string, number>): void {
    this.#counters = { ...counters };
  }
}

/** A random alphanumeric string from the seeded generator (session ids, tokens, query locators). */
export function randomToken(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += BASE62[rng.int(0, 61)];
  return s;
}
