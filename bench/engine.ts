/**
 * @module
 * Initial sync of N reps × (contacts + events, both directions) through both sims, measured two ways in the same run:
 *
 * - **engine**: `createSyncEngine(...).runCycle()` — setup reads, connection checks, change feeds, planning, batched
 *   writes, state, statuses;
 * - **ceiling**: the same clients (jsforce, ews-javascript-api) against fresh sims of the same world doing only the
 *   reads and writes the initial sync needs — no engine logic, no state, no statuses.
 *
 * Prints items/s, requests per item and peak RSS for both, and the ratio (target ≥ 70 %). No assertions.
 *
 *   npx tsx bench/engine.ts [--reps 4] [--contacts 150] [--events 150] [--seed 7] [--runs 3]
 *
 * The machine is shared and noisy: each side runs RUNS times, alternating, after one warm-up each; medians are
 * printed with the range, in wall time and in process CPU time per item (less sensitive to other load).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ScenarioClock, SystemClock } from '../src/time/clock.ts';
import { createSyncEngine } from '../src/sync/index.ts';
import { startExchangeSim } from '../sim/exchange/index.ts';
import { startSalesforceSim } from '../sim/salesforce/index.ts';
import type { ExchangeWorld } from '../sim/exchange/world.ts';
import type { SalesforceWorld } from '../sim/salesforce/world.ts';
import { runCeiling } from './engine-ceiling.ts';

const { values } = parseArgs({ options: { reps: { type: 'string' }, contacts: { type: 'string' }, events: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' }, workers: { type: 'string' } } });
const RUNS = Math.max(1, Number(values.runs ?? 3));
/** Engine worker threads (options.workers). Workers need wall time, so the engine's sims then run on a SystemClock. */
const WORKERS = Math.max(0, Number(values.workers ?? 0));
const REPS = Number(values.reps ?? 4);
const CONTACTS = Number(values.contacts ?? 150);
const EVENTS = Number(values.events ?? 150);
const SEED = Number(values.seed ?? 7);
const START = '2026-03-02T08:00:00Z';
export const SERVICE_ACCOUNT = { username: 'svc-sync@acme.test', password: 'Bench-Pw-1!' };

const reps = Array.from({ length: REPS }, (_, i) => `rep${i + 1}`);

function exchangeWorld(): ExchangeWorld {
  return {
    tenant: { domain: 'acme.test', version: 'Exchange2019' },
    serviceAccounts: [{ ...SERVICE_ACCOUNT, impersonation: { scopeName: 'All' } }],
    mailboxes: reps.map((r) => ({
      address: `${r}@acme.test`, department: 'Sales', salesforceSyncFolder: true,
      contacts: [{ generate: CONTACTS }],
      calendar: [{ generate: EVENTS, privateShare: 0, recurringShare: 0, spreadDays: 2 }],
    })),
  };
}

function salesforceWorld(ewsUrl: string): SalesforceWorld {
  return {
    orgs: [{
      id: 'prod', kind: 'production', domain: 'acme.test', dailyApiLimit: 10_000_000,
      lightningSync: { serviceAccountUsername: SERVICE_ACCOUNT.username, ewsUrl },
      users: reps.map((r) => ({ ref: r, email: `${r}@acme.test`, timeZone: 'UTC' })),
      contacts: reps.map((r) => ({ generate: CONTACTS, owner: r })),
      events: reps.map((r) => ({ generate: EVENTS, owner: r })),
      configs: [{ name: 'Bench', users: reps, events: { filter: 'LAST_N_DAYS:30' } }],
    }],
  };
}

export interface Sims {
  clock: ScenarioClock;
  ex: Awaited<ReturnType<typeof startExchangeSim>>;
  sf: Awaited<ReturnType<typeof startSalesforceSim>>;
}

async function startSims(wallTime = false): Promise<Sims> {
  const clock = wallTime ? (new SystemClock() as unknown as ScenarioClock) : new ScenarioClock(START);
  const ex = await startExchangeSim({ clock, seed: SEED, world: exchangeWorld() });
  const sf = await startSalesforceSim({ clock, seed: SEED, world: salesforceWorld(ex.urls.ews) });
  return { clock, ex, sf };
}

async function runEngine(): Promise<{ items: number; ms: number; requests: number; errors: number }> {
  const sims = await startSims(WORKERS > 0);
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'synclab-bench-'));
  const org = sims.sf.org('prod');
  const engine = createSyncEngine({
    orgLabel: 'prod',
    salesforce: { loginUrl: org.loginUrl, username: org.admin.username, password: org.admin.password },
    exchange: { method: 'service-account', ...SERVICE_ACCOUNT },
    stateDir,
    options: WORKERS > 0 ? { workers: WORKERS } : { concurrency: 4 },
  }, { clock: sims.clock, seed: SEED });
  const t0 = performance.now();
  const summary = await engine.runCycle();
  const ms = performance.now() - t0;
  const items = summary.actions.filter((a) => a.kind === 'create' || a.kind === 'update').length;
  const requests = sims.ex.trace.totals.requests + sims.sf.trace.totals.requests;
  for (const e of summary.errors.slice(0, 5)) console.error(`  engine error: ${e.code} ${e.message.slice(0, 160)}`);
  await engine.close();
  await sims.ex.close();
  await sims.sf.close();
  await rm(stateDir, { recursive: true, force: true });
  return { items, ms, requests, errors: summary.errors.length };
}

interface Measure {
  items: number;
  ms: number;
  cpuMs: number;
  requests: number;
}

async function measured<T extends { items: number; ms: number; requests: number }>(run: () => Promise<T>): Promise<T & Measure> {
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { ...result, cpuMs: (used.user + used.system) / 1000 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function line(label: string, runs: Measure[]): string {
  const rates = runs.map((r) => r.items / (r.ms / 1000));
  const cpu = runs.map((r) => (r.cpuMs * 1000) / Math.max(1, r.items));
  const r0 = runs[0]!;
  return `${label.padEnd(8)} ${String(r0.items).padStart(6)} items: median ${median(rates).toFixed(0).padStart(6)} items/s [${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)}], ` +
    `${median(cpu).toFixed(0)} µs CPU/item [${Math.min(...cpu).toFixed(0)}–${Math.max(...cpu).toFixed(0)}], ${(r0.requests / Math.max(1, r0.items)).toFixed(3)} requests/item`;
}

const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

console.log(`synclab engine bench: ${REPS} reps × (${CONTACTS} contacts + ${EVENTS} events) on each side, seed ${SEED}, ${RUNS} run(s) each, engine ${WORKERS > 0 ? `${WORKERS} worker thread(s)` : 'in-thread, 4 reps in flight'}, Node ${process.version}`);
await runCeiling(startSims, reps, SERVICE_ACCOUNT);
await runEngine();
const ceilings: Measure[] = [];
const engines: Array<Measure & { errors: number }> = [];
for (let i = 0; i < RUNS; i++) {
  ceilings.push(await measured(() => runCeiling(startSims, reps, SERVICE_ACCOUNT)));
  engines.push(await measured(runEngine));
}
const rate = (runs: Measure[]) => median(runs.map((r) => r.items / (r.ms / 1000)));
const cpuPerItem = (runs: Measure[]) => median(runs.map((r) => r.cpuMs / Math.max(1, r.items)));
console.log(line('ceiling', ceilings));
console.log(line('engine', engines));
console.log(`ratio    ${((rate(engines) / rate(ceilings)) * 100).toFixed(1)} % of the ceiling's items/s (wall, medians); ${((cpuPerItem(ceilings) / cpuPerItem(engines)) * 100).toFixed(1)} % by CPU per item (target ≥ 70 %)`);
console.log(`peak RSS ${rssMb()} MB (process maximum over all runs; sims run in this process too)`);
const errors = engines.reduce((n, e) => n + e.errors, 0);
if (errors) console.log(`engine cycles reported ${errors} error(s); see above`);
