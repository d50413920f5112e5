/**
 * @module
 * Scales an ORG.yaml down for quick bench runs (`bench/rehearsal.ts --scale 0.01`): same shapes, fewer reps.
 */
import type { OrgFile } from './schema.ts';

/** A smaller company of the same shape: every group's rep counts times `fraction` (at least one rep per group). */
export function scaleOrgFile(file: OrgFile, fraction: number): OrgFile {
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`scale must be a fraction in (0, 1], got ${fraction}`);
  const scale = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * fraction));
  return { ...file, groups: file.groups.map((g) => ({ ...g, reps: Math.max(1, Math.round(g.reps * fraction)), outsideScope: scale(g.outsideScope), legacy2010: scale(g.legacy2010), overCap: scale(g.overCap), onlineMailboxes: scale(g.onlineMailboxes) })) };
}

