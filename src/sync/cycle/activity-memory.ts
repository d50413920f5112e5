/**
 * @module
 * Added by F-STATUS. The org-level memory behind STAT-02, kept in one small file beside the rep shards
 * (`<stateDir>/org-activity.<org>.json`) so it survives an engine restart (G-05):
 * - the last sync time per object — the reps' logs are pruned after 24 h, and without this the status page would
 *   read "never" where the seed's Tables 2–3 show "a sync time on a past date";
 * - each rep's last known 24-h log — a rep stopped before syncing this cycle (email not linked, hybrid mailbox,
 *   probe blocker) has no log in its outcome, yet the records it synced earlier were still synced in the org.
 * Plain synchronous fs: the file is tiny and written at most once per cycle, after everything else.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RepState } from '../model.ts';
import { DAY_MS } from '../status/activity.ts';
import { shardName } from '../state/rep-state-store.ts';
import type { RepOutcome } from './rep-outcome.ts';
import type { EngineRuntime } from './runtime.ts';

type SyncLog = RepState['syncLog'];
type Objects = 'Contact' | 'Event';

export interface ActivityMemory {
  lastSyncAt: Partial<Record<Objects, number>>;
  /** By Salesforce user id. */
  logs: Record<string, SyncLog>;
}

const loaded = new WeakMap<EngineRuntime, ActivityMemory>();

export function memoryPath(rt: EngineRuntime): string {
  return path.join(rt.config.stateDir, `org-activity.${shardName(rt.config.orgLabel)}.json`);
}

/**
 * Merges this cycle's outcomes into the memory and returns the logs (last 24 h) and last sync times to compute the
 * org's activity from. Writes the file when something changed (never in a dry run).
 */
export function rememberActivity(rt: EngineRuntime, outcomes: RepOutcome[]): { logs: SyncLog[]; lastSyncAt: ActivityMemory['lastSyncAt'] } {
  const memory = load(rt);
  const before = JSON.stringify(memory);
  const now = rt.clock.now();
  for (const o of outcomes) if (o.syncLog) memory.logs[o.userId] = o.syncLog;
  for (const [user, log] of Object.entries(memory.logs)) {
    const recent = log.filter((e) => now - e.at <= DAY_MS);
    for (const e of log) if (e.at > (memory.lastSyncAt[e.object] ?? -Infinity)) memory.lastSyncAt[e.object] = e.at;
    if (recent.length) memory.logs[user] = recent;
    else delete memory.logs[user];
  }
  if (!rt.options.dryRun && JSON.stringify(memory) !== before) save(rt, memory);
  return { logs: Object.values(memory.logs), lastSyncAt: { ...memory.lastSyncAt } };
}

function load(rt: EngineRuntime): ActivityMemory {
  let memory = loaded.get(rt);
  if (memory) return memory;
  memory = { lastSyncAt: {}, logs: {} };
  try {
    const parsed = JSON.parse(readFileSync(memoryPath(rt), 'utf8')) as Partial<ActivityMemory>;
    if (parsed && typeof parsed === 'object') memory = { lastSyncAt: parsed.lastSyncAt ?? {}, logs: parsed.logs ?? {} };
  } catch (error) {
    // No file yet is the normal first start; an unreadable one only costs the memory, never the cycle.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') memory = { lastSyncAt: {}, logs: {} };
  }
  loaded.set(rt, memory);
  return memory;
}

function save(rt: EngineRuntime, memory: ActivityMemory): void {
  const file = memoryPath(rt);
  mkdirSync(path.dirname(file), { recursive: true });
  // temp file + rename: a crash mid-write leaves the previous file, never a torn one (as the rep shards do).
  writeFileSync(`${file}.tmp`, JSON.stringify(memory));
  renameSync(`${file}.tmp`, file);
}
