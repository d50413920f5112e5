/**
 * @module
 * One Salesforce change probe per cycle instead of four queries per rep (issue #6: a cycle with no change must cost
 * under 2 % of the initial sync; it also saves the org's daily API budget). Each object is asked once, for the org:
 * whose records (deleted ones included) changed since the oldest point every rep has read up to?
 *
 *   SELECT OwnerId FROM Contact WHERE SystemModstamp >= <since> LIMIT 2001        (queryAll)
 *
 * A rep whose records are not in the answer has nothing to read: its per-rep query (`OwnerId = rep AND
 * SystemModstamp >= watermark`, plus the deleted ids) would return nothing, because everything before `since` it has
 * read already. What each rep has read up to ("covered") is kept in memory only: a fresh engine reads every rep once,
 * as before. Coverage moves on only when the rep's checkpoints are committed (G-05), so a rep that failed keeps its
 * older point and the next probe reaches back to it.
 */
import type { SalesforceSession } from '../salesforce/sf-session.ts';
import { soqlDateTime } from '../salesforce/soql.ts';

export type ProbedObject = 'Contact' | 'Event';

export interface SfChangeProbe {
  /** Changes at or after this instant are in the answer (second precision: SOQL literals have no milliseconds). */
  since: number;
  /** When the probe ran: a rep with nothing in the answer has now read up to here. */
  at: number;
  /** Owners with a changed record, per object; `many` when the answer was too large to list (everyone reads). */
  owners: Record<ProbedObject, Set<string> | 'many'>;
}

/** More changed records than one page: the optimisation is not worth a second page, so every rep reads. */
const PAGE = 2_000;

/** Reps that must have read once (have coverage) before a probe can pay for itself. */
const MIN_REPS = 2;

/** What one rep has read up to, per object (epoch ms). */
export type Coverage = Partial<Record<ProbedObject, number>>;

export async function probeSfChanges(session: SalesforceSession, coverage: Coverage[], now: number, objects: ProbedObject[]): Promise<SfChangeProbe | undefined> {
  // One query per object, to save up to two per object for each rep it clears: with a single rep that is no saving on
  // a quiet cycle and two extra requests on a busy one, so small orgs read per rep as before.
  if (coverage.length < MIN_REPS || objects.length === 0) return undefined;
  let since = Infinity;
  for (const c of coverage) for (const o of objects) since = Math.min(since, c[o] ?? Infinity);
  if (!Number.isFinite(since)) return undefined;
  const owners = { Contact: new Set<string>(), Event: new Set<string>() } as SfChangeProbe['owners'];
  for (const object of objects) {
    // LIMIT: past one page the answer is "many" anyway, and the org need not gather (nor keep for queryMore) the
    // 1.4 M records the first cycle after an initial sync would otherwise match.
    const soql = `SELECT OwnerId FROM ${object} WHERE SystemModstamp >= ${soqlDateTime(Math.floor(since / 1000) * 1000)} LIMIT ${PAGE + 1}`;
    const page = await session.call(
      `queryAll ${object} (change probe)`,
      async (conn): Promise<{ done: boolean; records: Array<{ OwnerId?: string }> }> => await conn.query<{ OwnerId?: string }>(soql, { autoFetch: false, scanAll: true }),
      { idempotent: true },
    );
    if (!page.done || page.records.length > PAGE) owners[object] = 'many';
    else for (const r of page.records) if (r.OwnerId) (owners[object] as Set<string>).add(String(r.OwnerId));
  }
  return { since, at: now, owners };
}

/**
 * Whether the rep's per-rep read of `object` can be skipped: the probe covers everything since the rep last read it,
 * and none of the changes is the rep's. `ownerScoped` false (contacts filter "all") skips only when nothing changed.
 */
export function sfUnchanged(probe: SfChangeProbe | undefined, covered: Coverage | undefined, object: ProbedObject, ownerId: string, ownerScoped: boolean): boolean {
  if (!probe || covered?.[object] === undefined || covered[object]! < probe.since) return false;
  const owners = probe.owners[object];
  if (owners === 'many') return false;
  return ownerScoped ? !owners.has(ownerId) : owners.size === 0;
}
