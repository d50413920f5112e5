/**
 * @module
 * Runs a rehearsal: builds the company in both sims, starts one engine per org (the real engine, over the real
 * clients), runs the initial sync, then `days` of seeded rep activity with a cycle every `intervalMs` of scenario
 * time, under a seeded ErrorServerBusy rate. With `dryRun` it runs only the first cycle, engines in plan-only mode.
 * Returns raw facts; src/rehearsal/report-model.ts turns them into the report.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startExchangeSim } from '../../sim/exchange/index.ts';
import { startSalesforceSim } from '../../sim/salesforce/index.ts';
import { createSyncEngine } from '../sync/index.ts';
import type { CycleSummary, EngineOptions, SyncEngine } from '../sync/api.ts';
import { ScenarioClock } from '../time/clock.ts';
import { createRng } from '../util/random.ts';
import { createExchangeDriver } from '../scenario/env/exchange-driver.ts';
import { fillUrls } from '../scenario/env/environment.ts';
import { createSalesforceDriver } from '../scenario/env/salesforce-driver.ts';
import { buildRehearsalWorld, DEFAULT_START, type RehearsalWorld } from './build-world.ts';
import { applyDailyActivity } from './activity.ts';
import type { OrgFile } from './schema.ts';
import { connectionSecrets, engineExchangeConfig } from './exchange-connection.ts';

export interface RehearsalOptions {
  seed?: number;
  days?: number;
  intervalMs?: number;
  /** Cycles each day (default: as many as fit, 86,400,000 / intervalMs). The scale bench runs a few, an hour apart. */
  cyclesPerDay?: number;
  dryRun?: boolean;
  /** Override of exchange.busyProbability. */
  busyProbability?: number;
  /** false: the days pass with no rep activity (the bench's no-change cycle). Default true. */
  activity?: boolean;
  /** Extra engine options (e.g. concurrency for the bench). */
  engineOptions?: EngineOptions;
  onProgress?: (line: string) => void;
}

export interface CycleRecord { org: string; day: number; summary: CycleSummary; exRequests: number; sfRequests: number; wallMs: number }

export interface RehearsalRun {
  file: OrgFile;
  seed: number;
  days: number;
  intervalMs: number;
  dryRun: boolean;
  world: RehearsalWorld;
  cycles: CycleRecord[];
  traces: { exchange: { requests: number; writes: number; faults: number }; salesforce: { requests: number; writes: number; faults: number } };
  initial: { exRequests: number; sfRequests: number; wallMs: number; scenarioMs: number };
  secrets: string[];
  /** LightningSyncUserStatus per org at the end (STAT-03/04), with the rep's username. */
  statuses: Array<{ org: string; rep: string; fields: Record<string, unknown> }>;
}

export const DEFAULT_DAYS = 14;
/** One cycle an hour: a conservative stand-in for the product's background sync (docs/rehearsal.md). */
export const DEFAULT_INTERVAL_MS = 3_600_000;
export const DEFAULT_BUSY_PROBABILITY = 0.002;

export async function runRehearsal(file: OrgFile, options: RehearsalOptions = {}): Promise<RehearsalRun> {
  const seed = options.seed ?? file.seed ?? 1;
  const days = options.dryRun ? 0 : options.days ?? DEFAULT_DAYS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const progress = options.onProgress ?? (() => undefined);
  let world = buildRehearsalWorld(file, seed);
  const clock = new ScenarioClock(file.start ?? DEFAULT_START);
  const stateRoot = await mkdtemp(path.join(tmpdir(), 'synclab-rehearsal-'));
  const exSim = await startExchangeSim({ clock, seed, world: world.exchange, resettable: false });
  let sfSim: Awaited<ReturnType<typeof startSalesforceSim>> | undefined;
  const engines = new Map<string, SyncEngine>();
  try {
    sfSim = await startSalesforceSim({ clock, seed, resettable: false, world: { orgs: world.salesforce.orgs.map((o) => ({ ...o, lightningSync: fillUrls(o.lightningSync, exSim.urls) })) } });
    world = withoutPopulation(world);
    const busy = options.busyProbability ?? file.exchange.busyProbability ?? DEFAULT_BUSY_PROBABILITY;
    if (busy > 0 && !options.dryRun) exSim.faults.add({ id: 'rehearsal-throttling', match: { probability: busy }, effect: { kind: 'server-busy', backOffMs: 5_000 } });
    for (const org of sfSim.orgs) {
      engines.set(org.id, createSyncEngine({
        orgLabel: org.id,
        salesforce: { loginUrl: org.loginUrl, username: org.admin.username, password: org.admin.password },
        exchange: engineExchangeConfig(world.connection, exSim.urls), // R-OAUTH: service account or OAuth app (CONN-01)
        stateDir: path.join(stateRoot, org.id),
        options: { maxRetries: 6, maxRelogins: 1, recordActions: options.dryRun === true, ...options.engineOptions, ...(options.dryRun ? { dryRun: true } : {}) },
      }, { clock, seed }));
    }
    const cycles: CycleRecord[] = [];
    const runAll = async (day: number) => {
      for (const [org, engine] of engines) {
        const ex0 = exSim.trace.totals.requests;
        const sf0 = sfSim!.trace.totals.requests;
        const t0 = performance.now();
        const summary = await engine.runCycle();
        // The engine already left out the planned actions unless --dry-run (recordActions above) and copied the
        // strings of its findings and errors apart from the EWS responses they came from (src/sync/cycle.ts).
        cycles.push({ org, day, summary, exRequests: exSim.trace.totals.requests - ex0, sfRequests: sfSim!.trace.totals.requests - sf0, wallMs: performance.now() - t0 });
      }
    };
    const start = clock.now();
    const w0 = performance.now();
    progress('initial sync');
    await runAll(0);
    const initial = { exRequests: exSim.trace.totals.requests, sfRequests: sfSim.trace.totals.requests, wallMs: performance.now() - w0, scenarioMs: clock.now() - start };
    const exchange = createExchangeDriver(exSim as unknown as Parameters<typeof createExchangeDriver>[0]);
    const sfDriver = createSalesforceDriver(sfSim as unknown as Parameters<typeof createSalesforceDriver>[0]);
    const rng = createRng(seed).fork('activity');
    const perDay = Math.max(1, Math.min(options.cyclesPerDay ?? Infinity, Math.floor(86_400_000 / intervalMs)));
    for (let day = 1; day <= days; day++) {
      progress(`day ${day}/${days}`);
      const dayStart = start + day * 86_400_000;
      if (clock.now() < dayStart) clock.advance(dayStart - clock.now());
      if (options.activity !== false) await applyDailyActivity({ world, exchange, salesforce: sfDriver, rng: rng.fork(`day-${day}`), now: clock.now() });
      for (let c = 0; c < perDay; c++) {
        await runAll(day);
        if (c < perDay - 1) clock.advance(intervalMs);
      }
    }
    const statuses: RehearsalRun['statuses'] = [];
    for (const org of sfSim.orgs) {
      const users = new Map((await sfDriver.records(org.id, 'User')).map((u) => [u.id, String(u.fields.Username ?? u.id)]));
      for (const s of await sfDriver.records(org.id, 'LightningSyncUserStatus')) statuses.push({ org: org.id, rep: users.get(String(s.fields.UserId)) ?? String(s.fields.UserId), fields: s.fields });
    }
    return {
      statuses, file, seed, days, intervalMs, dryRun: options.dryRun ?? false, world, cycles,
      traces: { exchange: { ...exSim.trace.totals }, salesforce: { ...sfSim.trace.totals } }, initial,
      secrets: [...connectionSecrets(world.connection), ...sfSim.orgs.map((o) => o.admin.password), ...(world.exchange.mailboxes ?? []).map((m) => m.password ?? '').filter(Boolean)],
    };
  } finally {
    await Promise.allSettled([...engines.values()].map((e) => e.close()));
    await sfSim?.close().catch(() => undefined);
    await exSim.close().catch(() => undefined);
    await rm(stateRoot, { recursive: true, force: true });
  }
}

/**
 * The world once both sims hold it: the generated contacts, events and accounts (~0.2 KB an item, 300 MB for the
 * large example) are the sims' from here on; the activity model and the report read reps, orgs and counts only.
 */
function withoutPopulation(world: RehearsalWorld): RehearsalWorld {
  return {
    ...world,
    exchange: { ...world.exchange, mailboxes: world.exchange.mailboxes?.map(({ contacts: _contacts, calendar: _calendar, ...mailbox }) => mailbox) },
    salesforce: { ...world.salesforce, orgs: world.salesforce.orgs.map(({ contacts: _contacts, events: _events, accounts: _accounts, leads: _leads, ...org }) => org) },
  };
}
