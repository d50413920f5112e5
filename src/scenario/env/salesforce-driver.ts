/**
 * @module
 * SalesforceDriver over sim/salesforce: state is read in-process from each org's store (no HTTP, so reading never
 * shows up in the trace or trips a scheduled fault), and rep/admin actions go through the sim's `actions`, which
 * apply sharing, permissions and validation as the named user.
 */
import type { FaultRule } from '../../../sim/core/fault-schedule.ts';
import type { Trace } from '../../../sim/core/trace.ts';
import { NotSupportedError } from './not-supported.ts';
import type { SalesforceDriver, SideItem } from './types.ts';

type Row = Record<string, unknown>;

/** The parts of sim/salesforce's SalesforceSim the runner uses (structural, so the runner compiles before it lands). */
export interface SalesforceSimLike {
  orgs: Array<{ id: string; orgId: string; kind: string; loginUrl: string; admin: { username: string; password: string }; model: { refs: Map<string, string> } }>;
  actions: {
    userId(org: string, user: string): string;
    createRecord(org: string, as: string, type: string, fields: Record<string, unknown>): string;
    updateRecord(org: string, as: string, id: string, fields: Record<string, unknown>): void;
    deleteRecord(org: string, as: string, id: string): void;
    updateConfig(org: string, configName: string, fields: Record<string, unknown>): void;
    setConfigActive(org: string, configName: string, active: boolean): void;
    assignUser(org: string, configName: string, user: string): string;
    assignProfile(org: string, configName: string, profileName: string): string;
    unassign(org: string, configName: string, assignee: string): number;
    markForReset(org: string, user: string): void;
    fixSandboxEmail(org: string, user: string, email?: string): string;
    find(org: string, type: string, predicate?: (row: Row) => boolean): Row[];
    get(org: string, id: string): Row | undefined;
  };
  faults: { add(rule: FaultRule): void; clear(): void };
  trace: Trace;
  close(): Promise<void>;
}

export function createSalesforceDriver(sim: SalesforceSimLike): SalesforceDriver {
  const orgOf = (id: string) => {
    const org = sim.orgs.find((o) => o.id === id);
    if (!org) throw new Error(`no org "${id}" in this scenario's world`);
    return org;
  };
  const toItem = (row: Row): SideItem => ({
    id: String(row.Id),
    key: String(row.Id),
    label: labelOf(row),
    fields: row,
  });
  return {
    trace: sim.trace,
    orgs: () => sim.orgs.map(({ id, orgId, kind, loginUrl, admin }) => ({ id, orgId, kind, loginUrl, admin })),
    async records(org, object) {
      orgOf(org);
      return sim.actions.find(org, object).filter((r) => r.IsDeleted !== true).map(toItem);
    },
    idOfRef(org, ref) {
      const refs = orgOf(org).model.refs;
      for (const kind of ['contact', 'event', 'account', 'lead', 'user', 'config']) {
        const id = refs.get(`${kind}:${ref}`);
        if (id) return id;
      }
      return refs.get(ref);
    },
    async create(org, as, object, fields) {
      const id = sim.actions.createRecord(org, as, object, fields);
      const row = sim.actions.get(org, id);
      return toItem(row ?? { Id: id });
    },
    async update(org, as, _object, id, set) {
      sim.actions.updateRecord(org, as, id, set);
    },
    async remove(org, as, _object, id) {
      sim.actions.deleteRecord(org, as, id);
    },
    async admin(org, action, args) {
      const a = sim.actions;
      const config = String(args.config ?? '');
      switch (action) {
        case 'edit-config': return a.updateConfig(org, config, args.fields as Record<string, unknown>);
        case 'activate-config': return a.setConfigActive(org, config, true);
        case 'deactivate-config': return a.setConfigActive(org, config, false);
        case 'assign-user': return void a.assignUser(org, config, String(args.user));
        case 'assign-profile': return void a.assignProfile(org, config, String(args.profile));
        case 'unassign': return void a.unassign(org, config, String(args.assignee));
        case 'reset-sync': return a.markForReset(org, String(args.user));
        case 'fix-sandbox-email': return void a.fixSandboxEmail(org, String(args.user));
        case 'edit-setup': {
          const setup = a.find(org, 'LightningSyncSetup', (r) => r.IsDeleted !== true)[0];
          if (!setup) throw new Error(`org ${org} has no LightningSyncSetup record — add lightningSync: to the org in the world`);
          return a.updateRecord(org, orgOf(org).admin.username, String(setup.Id), args.fields as Record<string, unknown>);
        }
        case 'create-config': return void a.createRecord(org, String(args.as), 'LightningSyncConfig', args.fields as Record<string, unknown>);
        default: throw new NotSupportedError(`the Salesforce sim has no admin action "${action}"`);
      }
    },
    addFault(org, rule) {
      // Each org has its own server but one schedule: an org-scoped fault targets that org. The sim names the org by
      // its label in fault checks (and the trace may carry the 18-char id), so match either.
      const target = rule.match.target ?? (org ? [org, orgOf(org).orgId] : undefined);
      sim.faults.add({ ...rule, match: { ...rule.match, ...(target ? { target } : {}) } });
    },
    clearFaults: () => sim.faults.clear(),
  };
}

function labelOf(row: Row): string {
  if (typeof row.Subject === 'string') return row.Subject;
  if (typeof row.Name === 'string' && row.Name) return row.Name;
  const name = [row.FirstName, row.LastName].filter((v) => typeof v === 'string' && v).join(' ');
  return name || String(row.Id);
}
