/**
 * What one planning call accumulates: actions (each with its rule), findings, the human-readable summary, and the
 * state updates. Also the small direction predicates every rule file asks.
 */
import type { PlannedAction, RuleId } from '../api.ts';
import { finding, type FindingDetails, type PlanFinding } from '../findings.ts';
import type { EffectiveConfig, EngineAction, Pairing, PlanInput, PlanOutput, UnresolvedItem } from '../model.ts';
import type { FindingKind } from '../api.ts';

export type SyncDirectionSetting = EffectiveConfig['contacts']['direction'];

/** CFG-03: does this direction write into Exchange / into Salesforce. */
export const syncsToEx = (d: SyncDirectionSetting): boolean => d === 'both' || d === 'salesforce-to-exchange';
export const syncsToSf = (d: SyncDirectionSetting): boolean => d === 'both' || d === 'exchange-to-salesforce';

export type PairingPatch = NonNullable<PlanOutput['stateUpdates']['pairingPatches']>[number];

export class PlanBuilder {
  readonly actions: EngineAction[] = [];
  readonly findings: PlanFinding[] = [];
  readonly summary: PlannedAction[] = [];
  readonly pairingPatches: PairingPatch[] = [];
  /** Working copy of the rep's unresolved items (CON-05); written back whole in stateUpdates. */
  unresolved: UnresolvedItem[];
  unresolvedChanged = false;
  readonly scope: { org: string; rep: string };

  constructor(readonly input: PlanInput) {
    this.scope = { org: input.org.label, rep: input.rep.username };
    this.unresolved = [...input.state.unresolved];
  }

  act(action: EngineAction, summary: Omit<PlannedAction, 'rep' | 'rule'>): void {
    this.actions.push(action);
    this.summary.push({ ...summary, rep: this.scope.rep, rule: action.rule });
  }

  skip(rule: RuleId, object: 'Contact' | 'Event', side: 'salesforce' | 'exchange', reason: string, ids: { sfId?: string; exId?: string } = {}): void {
    this.summary.push({ kind: 'skip', side, object, rep: this.scope.rep, rule, ...ids, reason });
  }

  find(kind: FindingKind, rule: RuleId, message: string, details: FindingDetails = {}): void {
    this.findings.push(finding(this.scope, kind, rule, message, details));
  }

  patch(pairing: Pairing, patch: PairingPatch['patch']): void {
    this.pairingPatches.push({ object: pairing.object, sfId: pairing.sfId, exId: pairing.exId, patch });
  }
}
