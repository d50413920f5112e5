/**
 * @module
 * The rehearsal report as data (report.json): every risk of the catalogue with what the file seeded, what the
 * initial sync found, what the whole rehearsal found, the reps affected and a few examples; the predicted initial
 * sync duration; API use per org per day against the limit; the per-rep status table. Deterministic apart from the
 * `wallMs` fields. No secrets: every string passes through redact and the world's literal secrets are scrubbed.
 */
import type { Finding } from '../sync/api.ts';
import { RISKS, riskFindings, type RiskId } from './risks.ts';
import type { RehearsalRun } from './run.ts';

/** Latency model for the predicted initial-sync duration (docs/rehearsal.md): one request at a time per org. */
export const LATENCY_MODEL = { ewsRequestMs: 150, salesforceRequestMs: 100 } as const;

export interface RiskRow {
  id: RiskId; title: string; rules: string[]; fix: string;
  seeded: number | null; initial: number; total: number; reps: string[]; examples: string[];
}

export interface RehearsalReport {
  tool: 'synclab rehearse';
  input: { file: string; seed: number; days: number; intervalMinutes: number; dryRun: boolean };
  population: { reps: number; orgs: string[]; exchangeItems: number; salesforceItems: number };
  risks: RiskRow[];
  initialSync: { exchangeRequests: number; salesforceRequests: number; predictedSeconds: number; latencyModel: typeof LATENCY_MODEL; wallMs: number };
  apiUse: Array<{ org: string; dailyLimit: number; initialSync: number; averageDay: number; peakDay: number; peakShare: number }>;
  statuses: Array<{ org: string; rep: string } & Record<string, unknown>>;
  plan?: Array<{ org: string; rep: string; kind: string; side: string; object: string; rule: string; reason?: string }>;
  errors: Array<{ org: string; rep?: string; code: string; rule?: string; count: number }>;
}

const local = (rep: string | undefined) => (rep ?? '?').split('@')[0]!;

export function subjectOf(def: (typeof RISKS)[number], f: Finding): string {
  if (def.id === 'multi-org') return local(f.rep);
  if (def.per === 'rep') return `${f.org}|${local(f.rep)}`;
  return `${f.org}|${f.sfId ?? f.exId ?? f.message}`;
}

export function buildRehearsalReport(run: RehearsalRun, fileLabel: string, scrub: (s: string) => string): RehearsalReport {
  const matches = (def: (typeof RISKS)[number], f: Finding) => def.kinds.includes(f.kind) && (!def.onlyRules || def.onlyRules.includes(f.rule));
  const risks = RISKS.map((def): RiskRow => {
    const initial = new Map<string, number>();
    const total = new Map<string, number>();
    const reps = new Set<string>();
    const examples: string[] = [];
    for (const c of run.cycles) for (const f of riskFindings(c.summary)) { // R-OAUTH: + CONN-05/08 rep errors
      if (!matches(def, f)) continue;
      const key = def.id === 'out-of-window' ? `${f.org}|${local(f.rep)}` : subjectOf(def, f);
      // A finding standing for several items (EVT-04 sums up a rep's cycle) counts as that many.
      const n = f.count ?? 1;
      if (c.day === 0) initial.set(key, Math.max(initial.get(key) ?? 0, n));
      if (examples.length < 3 && !total.has(key)) examples.push(scrub(`${f.org} · ${f.rep ?? '-'} · ${f.message}`));
      total.set(key, Math.max(total.get(key) ?? 0, n));
      reps.add(`${local(f.rep)} (${f.org})`);
    }
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    return { id: def.id, title: def.title, rules: def.rules, fix: def.fix, seeded: run.world.seeded[def.id] ?? 0, initial: sum(initial), total: sum(total), reps: [...reps].sort(), examples };
  });
  const orgs = run.world.salesforce.orgs;
  const apiUse = orgs.map((o) => {
    const perDay = new Map<number, number>();
    for (const c of run.cycles.filter((x) => x.org === o.id)) perDay.set(c.day, (perDay.get(c.day) ?? 0) + c.sfRequests);
    const later = [...perDay.entries()].filter(([d]) => d > 0).map(([, n]) => n);
    const limit = o.dailyApiLimit ?? 100_000;
    const initialSync = perDay.get(0) ?? 0;
    // The initial sync happens on the rollout day together with that day's cycles.
    const peakDay = Math.max(initialSync + (perDay.get(1) ?? 0), ...later);
    return { org: o.id, dailyLimit: limit, initialSync, averageDay: later.length ? Math.round(later.reduce((a, b) => a + b, 0) / later.length) : 0, peakDay, peakShare: Math.round((peakDay / limit) * 1000) / 1000 };
  });
  const errors = new Map<string, RehearsalReport['errors'][number]>();
  for (const c of run.cycles) for (const e of c.summary.errors) {
    const key = `${c.org}|${e.rep}|${e.code}`;
    const row = errors.get(key) ?? { org: c.org, ...(e.rep ? { rep: e.rep } : {}), code: e.code, ...(e.rule ? { rule: e.rule } : {}), count: 0 };
    row.count++;
    errors.set(key, row);
  }
  const report: RehearsalReport = {
    tool: 'synclab rehearse',
    input: { file: fileLabel, seed: run.seed, days: run.days, intervalMinutes: run.intervalMs / 60_000, dryRun: run.dryRun },
    population: { reps: run.world.reps.length, orgs: orgs.map((o) => o.id), exchangeItems: run.world.items.exchange, salesforceItems: run.world.items.salesforce },
    risks,
    initialSync: {
      exchangeRequests: run.initial.exRequests, salesforceRequests: run.initial.sfRequests,
      predictedSeconds: Math.round((run.initial.exRequests * LATENCY_MODEL.ewsRequestMs + run.initial.sfRequests * LATENCY_MODEL.salesforceRequestMs) / 1000),
      latencyModel: LATENCY_MODEL, wallMs: Math.round(run.initial.wallMs),
    },
    apiUse,
    statuses: run.statuses.map((s) => ({ org: s.org, rep: s.rep, ...pickStatus(s.fields) })).sort((a, b) => (a.org + a.rep).localeCompare(b.org + b.rep)),
    errors: [...errors.values()].sort((a, b) => `${a.org}${a.rep}${a.code}`.localeCompare(`${b.org}${b.rep}${b.code}`)),
  };
  if (run.dryRun) {
    report.plan = run.cycles.filter((c) => c.day === 0).flatMap((c) => c.summary.actions.map((a) => ({ org: c.org, rep: a.rep, kind: a.kind, side: a.side, object: a.object, rule: a.rule, ...(a.reason ? { reason: scrub(a.reason) } : {}) })));
  }
  return report;
}

const STATUS_FIELDS = ['AssignedToActiveConfig', 'MailboxSupportedVersion', 'RecognizedByServiceAccount', 'EmailLinked', 'ContactsSfToExStatus', 'ContactsExToSfStatus', 'EventsSfToExStatus', 'EventsExToSfStatus', 'ContactsInSync', 'EventsInSync'];
function pickStatus(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(STATUS_FIELDS.filter((k) => k in fields).map((k) => [k, fields[k]]));
}
