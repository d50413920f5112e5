/**
 * @module
 * What the runner needs from the running world, independent of how the sims are built inside: read each side's
 * state as plain items, act on either side as a rep or an admin, install faults, and run engine cycles. The drivers
 * in this folder implement it over sim/exchange, sim/salesforce and src/sync.
 */
import type { FaultRule } from '../../../sim/core/fault-schedule.ts';
import type { Trace } from '../../../sim/core/trace.ts';
import type { ConnectionTestResult, CycleSummary } from '../../sync/api.ts';
import type { ScenarioClock } from '../../time/clock.ts';

/** One item on either side, flattened for matching: `fields` holds EWS property names or sObject field names. */
export interface SideItem {
  /** ItemId (Exchange) or record Id (Salesforce). */
  id: string;
  /** Stable identity across moves (Exchange uid) — equals `id` in Salesforce. */
  key: string;
  ref?: string;
  label: string;
  /** Exchange: folder display name (Contacts, Salesforce_Sync, …) or calendar name. */
  folder?: string;
  /** Exchange: the SalesforceRecordId stamp; Salesforce: unused. */
  partnerId?: string;
  fields: Record<string, unknown>;
}

export interface ExchangeDriver {
  readonly trace: Trace;
  contacts(mailbox: string): Promise<SideItem[]>;
  events(mailbox: string): Promise<SideItem[]>;
  itemByRef(ref: string): Promise<{ mailbox: string; item: SideItem; object: 'Contact' | 'Event' } | undefined>;
  create(mailbox: string, object: 'Contact' | 'Event', spec: Record<string, unknown>): Promise<SideItem>;
  update(mailbox: string, key: string, set: Record<string, unknown>): Promise<void>;
  remove(mailbox: string, key: string): Promise<void>;
  move(mailbox: string, key: string, folder: string): Promise<void>;
  /** A tenant admin change, as the sim's JSON admin action (`{ type: 'revokeConsent', clientId }`, …). */
  admin(action: { type: string } & Record<string, unknown>): Promise<unknown>;
  setFaults(rules: FaultRule[]): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  urls: { ews: string; autodiscover: string; token?: string };
}

export interface SalesforceDriver {
  readonly trace: Trace;
  orgs(): Array<{ id: string; orgId: string; kind: string; loginUrl: string; admin: { username: string; password: string } }>;
  records(org: string, object: string): Promise<SideItem[]>;
  idOfRef(org: string, ref: string): string | undefined;
  create(org: string, asUser: string, object: string, fields: Record<string, unknown>): Promise<SideItem>;
  update(org: string, asUser: string, object: string, id: string, set: Record<string, unknown>): Promise<void>;
  remove(org: string, asUser: string, object: string, id: string): Promise<void>;
  /** Admin edits to Setup objects (configs, assignments, user status, users). */
  admin(org: string, action: string, args: Record<string, unknown>): Promise<void>;
  addFault(org: string | undefined, rule: FaultRule): void;
  clearFaults(): void;
}

export interface EngineDriver {
  runCycle(org: string): Promise<CycleSummary>;
  connectionTest(org: string, rep: string): Promise<ConnectionTestResult>;
  restart(org: string): Promise<void>;
  close(): Promise<void>;
}

export interface Environment {
  clock: ScenarioClock;
  exchange: ExchangeDriver;
  salesforce: SalesforceDriver;
  engines: EngineDriver;
  /** Versions for report.json. */
  versions: { engine: string; exchange: string; salesforce: string };
  /** Literal secrets of this world (passwords, client secrets) for scrubbing. */
  secrets: string[];
  close(): Promise<void>;
}
