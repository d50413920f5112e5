/**
 * @module
 * One lowdb shard per org per rep: `<stateDir>/<org>/<rep>.json`, compact JSON in two lines (shard-codec.ts). A single file for every rep does not
 * scale (lowdb rewrites the whole file on every write and fails outright near 1.5 M records — perf-ceilings.md), so
 * each rep's pairings live alone and a write costs only that rep's size.
 *
 * Writes are explicit (`flush`): the apply step batches state changes per server batch, and the write-ahead order of
 * G-05 is intent flushed → server write → pairing flushed. lowdb's DataFile writes through steno (temp file + rename),
 * so a crash mid-write leaves the previous file intact, never a torn one.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { Pairing, RepState, WriteIntent } from '../model.ts';
import { parseShard, stringifyShard } from './shard-codec.ts';

export function emptyRepState(org: string, rep: string): RepState {
  return {
    version: 1,
    org,
    rep,
    pairings: [],
    syncStates: {},
    sfWatermarks: {},
    unresolved: [],
    initialSyncDone: {},
    syncLog: [],
    intents: [],
  };
}

/** File-name-safe form of an org label or rep address; distinct inputs stay distinct (reversible escaping). */
export function shardName(value: string): string {
  if (!value) throw new Error('state: empty org label or rep address; every shard needs a name');
  return value.replace(/[^A-Za-z0-9@._+-]/g, (ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function shardPath(stateDir: string, org: string, rep: string): string {
  return path.join(stateDir, shardName(org), `${shardName(rep.toLowerCase())}.json`);
}

export class RepStateStore {
  readonly #db: Low<RepState>;
  #dirty = false;
  /** Index of pairings by `${object}:sf:${id}` and `${object}:ex:${id}`; rebuilt lazily after bulk changes. */
  #index: Map<string, Pairing> | undefined;
  readonly file: string;

  private constructor(db: Low<RepState>, file: string) {
    this.#db = db;
    this.file = file;
  }

  static async open(stateDir: string, org: string, rep: string): Promise<RepStateStore> {
    const file = shardPath(stateDir, org, rep);
    await mkdir(path.dirname(file), { recursive: true });
    const adapter = new DataFile<RepState>(file, { parse: parseState(file), stringify: stringifyShard });
    const db = new Low<RepState>(adapter, emptyRepState(org, rep));
    await db.read();
    if (db.data.org !== org || db.data.rep.toLowerCase() !== rep.toLowerCase()) {
      throw new Error(`state: ${file} belongs to ${db.data.org}/${db.data.rep}, not ${org}/${rep}; move it away or use another --state directory`);
    }
    db.data.intents ??= [];
    return new RepStateStore(db, file);
  }

  get state(): RepState {
    return this.#db.data;
  }

  get dirty(): boolean {
    return this.#dirty;
  }

  /** Change the in-memory state; nothing reaches disk until `flush`. */
  update(fn: (state: RepState) => void): void {
    fn(this.#db.data);
    this.#dirty = true;
    this.#index = undefined;
  }

  async flush(): Promise<void> {
    if (!this.#dirty) return;
    await this.#db.write();
    this.#dirty = false;
  }

  /* ------------------------------------------------------------- pairings */

  findBySf(object: Pairing['object'], sfId: string): Pairing | undefined {
    return this.#pairingIndex().get(`${object}:sf:${sfId}`);
  }

  findByEx(object: Pairing['object'], exId: string): Pairing | undefined {
    return this.#pairingIndex().get(`${object}:ex:${exId}`);
  }

  /** Insert or replace the pairing of this SF record (one-to-one, G-04: any pairing of either id is replaced). */
  upsertPairing(pairing: Pairing): void {
    const index = this.#pairingIndex();
    const bySf = index.get(`${pairing.object}:sf:${pairing.sfId}`);
    const byEx = index.get(`${pairing.object}:ex:${pairing.exId}`);
    const state = this.#db.data;
    if (bySf || byEx) {
      // Rare path (re-pair / update): rebuild the list without the old pairs.
      state.pairings = state.pairings.filter((p) => p !== bySf && p !== byEx);
      for (const old of [bySf, byEx]) {
        if (!old) continue;
        index.delete(`${old.object}:sf:${old.sfId}`);
        index.delete(`${old.object}:ex:${old.exId}`);
      }
    }
    // Common path (a create): O(1), the index stays valid.
    state.pairings.push(pairing);
    index.set(`${pairing.object}:sf:${pairing.sfId}`, pairing);
    index.set(`${pairing.object}:ex:${pairing.exId}`, pairing);
    this.#dirty = true;
  }

  /** Replace a pairing's fields in place (same ids): O(1). */
  patchPairing(pairing: Pairing, patch: Partial<Omit<Pairing, 'object' | 'sfId' | 'exId'>>): void {
    Object.assign(pairing, patch);
    this.#dirty = true;
  }

  /** Appends to the STAT-02 sync log without touching the pairing index. */
  logSync(at: number, object: Pairing['object']): void {
    const log = this.#db.data.syncLog;
    const last = log[log.length - 1];
    if (last && last.at === at && last.object === object) last.count = (last.count ?? 1) + 1;
    else log.push({ at, object });
    this.#dirty = true;
  }

  removePairing(object: Pairing['object'], sfId: string, exId: string): void {
    this.update((s) => {
      s.pairings = s.pairings.filter((p) => !(p.object === object && p.sfId === sfId && p.exId === exId));
    });
  }

  /* ------------------------------------------------------- write-ahead intents */

  addIntents(intents: WriteIntent[]): void {
    if (intents.length === 0) return;
    this.update((s) => {
      s.intents = [...(s.intents ?? []), ...intents];
    });
  }

  resolveIntents(ids: Iterable<string>): void {
    const drop = new Set(ids);
    if (drop.size === 0) return;
    this.update((s) => {
      s.intents = (s.intents ?? []).filter((i) => !drop.has(i.id));
    });
  }

  pendingIntents(): WriteIntent[] {
    return [...(this.#db.data.intents ?? [])];
  }

  #pairingIndex(): Map<string, Pairing> {
    if (!this.#index) {
      this.#index = new Map();
      for (const p of this.#db.data.pairings) {
        this.#index.set(`${p.object}:sf:${p.sfId}`, p);
        this.#index.set(`${p.object}:ex:${p.exId}`, p);
      }
    }
    return this.#index;
  }
}

function parseState(file: string): (text: string) => RepState {
  return (text) => {
    try {
      return parseShard(text, file);
    } catch (error) {
      if (error instanceof SyntaxError) {
        throw new Error(`state: ${file} is not valid JSON (${error.message}); restore it from a backup or delete it to resync this rep from scratch`);
      }
      throw error;
    }
  };
}
