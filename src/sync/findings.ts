/**
 * @module
 * Building findings with the rep and org filled in once, so planner code states only what is particular to each.
 */
import type { Finding, FindingKind, RuleId } from './api.ts';

export type PlanFinding = Omit<Finding, 'at'>;

export interface FindingScope {
  org: string;
  rep?: string;
}

export type FindingDetails = Omit<PlanFinding, 'kind' | 'rule' | 'org' | 'rep' | 'message'>;

export function finding(scope: FindingScope, kind: FindingKind, rule: RuleId, message: string, details: FindingDetails = {}): PlanFinding {
  return { kind, rule, org: scope.org, ...(scope.rep !== undefined ? { rep: scope.rep } : {}), ...details, message };
}

/** Stamp plan findings with the scenario time they were reported at (the apply step does this). */
export function atTime(findings: PlanFinding[], at: number): Finding[] {
  return findings.map((f) => ({ ...f, at }));
}

/** Stable order for reports (G-08): by rule, then record ids, then message. */
export function sortFindings<T extends PlanFinding>(findings: T[]): T[] {
  const key = (f: PlanFinding) => `${f.rule}\u0000${f.sfId ?? ''}\u0000${f.exId ?? ''}\u0000${f.field ?? ''}\u0000${f.message}`;
  return [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
