/**
 * @module
 * Starts a scenario's world: the Exchange sim first (its URLs fill in the orgs' Autodiscover/EWS settings when the
 * scenario leaves them out), then the Salesforce sim, then lazily one engine per org. The sims and the engine are
 * loaded by dynamic import so the runner works — and says precisely what is missing — while they are being built.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScenarioClock } from '../../time/clock.ts';
import type { Scenario } from '../schema.ts';
import { createEngineDriver, type EngineFactory } from './engine-driver.ts';
import { createExchangeDriver, type ExchangeSimLike } from './exchange-driver.ts';
import { NotSupportedError } from './not-supported.ts';
import { createSalesforceDriver, type SalesforceSimLike } from './salesforce-driver.ts';
import { worldSecrets } from './secrets.ts';
import type { Environment } from './types.ts';
import { packageVersion } from '../../report/run-info.ts';

const EXCHANGE_SIM = new URL('../../../sim/exchange/index.ts', import.meta.url).href;
const SALESFORCE_SIM = new URL('../../../sim/salesforce/index.ts', import.meta.url).href;
const ENGINE = new URL('../../sync/index.ts', import.meta.url).href;

async function load<T>(url: string, exportName: string, what: string): Promise<T> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(path.basename(new URL(url).pathname))) {
      throw new NotSupportedError(`${what} is not available yet (${new URL(url).pathname.split('/').slice(-3).join('/')} does not exist)`);
    }
    throw error;
  }
  const value = mod[exportName];
  if (typeof value !== 'function') throw new NotSupportedError(`${what} does not export ${exportName}() yet`);
  return value as T;
}

export interface StartOptions {
  scenario: Scenario;
  clock: ScenarioClock;
  seed: number;
}

export async function startEnvironment({ scenario, clock, seed }: StartOptions): Promise<Environment> {
  const startExchangeSim = await load<(o: object) => Promise<ExchangeSimLike>>(EXCHANGE_SIM, 'startExchangeSim', 'the Exchange sim');
  const startSalesforceSim = await load<(o: object) => Promise<SalesforceSimLike>>(SALESFORCE_SIM, 'startSalesforceSim', 'the Salesforce sim');
  const closers: Array<() => Promise<unknown>> = [];
  const stateRoot = await mkdtemp(path.join(tmpdir(), 'synclab-scenario-'));
  closers.push(() => rm(stateRoot, { recursive: true, force: true }));
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };
  try {
    const exSim = await startExchangeSim({ clock, seed, world: scenario.world.exchange });
    closers.push(() => exSim.close());
    const exchange = createExchangeDriver(exSim);
    const sfWorld = {
      orgs: scenario.world.salesforce.orgs.map((org) => ({
        ...org,
        lightningSync: fillUrls(org.lightningSync, exSim.urls),
      })),
    };
    const sfSim = await startSalesforceSim({ clock, seed, world: sfWorld });
    closers.push(() => sfSim.close());
    const salesforce = createSalesforceDriver(sfSim);
    const factory = await load<EngineFactory>(ENGINE, 'createSyncEngine', 'the sync engine');
    const engines = createEngineDriver({ scenario, clock, seed, stateRoot, factory, exchange, salesforce });
    closers.push(() => engines.close());
    return {
      clock,
      exchange,
      salesforce,
      engines,
      versions: { engine: await versionOf(ENGINE), exchange: await versionOf(EXCHANGE_SIM), salesforce: await versionOf(SALESFORCE_SIM) },
      secrets: worldSecrets(scenario, sfSim.orgs.map((o) => o.admin.password)),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * The org's Exchange endpoints: Autodiscover defaults to the running Exchange sim; `{exchange.ews}` and
 * `{exchange.autodiscover}` in ewsUrl / autodiscoverUrl are replaced by the sim's URLs (a scenario bypasses
 * Autodiscover with `ewsUrl: "{exchange.ews}"`).
 */
export function fillUrls<T extends { autodiscoverUrl?: string; ewsUrl?: string }>(setup: T | undefined, urls: { ews: string; autodiscover: string }): T {
  const fill = (value: string) => value.replaceAll('{exchange.ews}', urls.ews).replaceAll('{exchange.autodiscover}', urls.autodiscover);
  return {
    ...(setup as T),
    autodiscoverUrl: fill(setup?.autodiscoverUrl ?? urls.autodiscover),
    ...(setup?.ewsUrl ? { ewsUrl: fill(setup.ewsUrl) } : {}),
  };
}

/** A module's exported VERSION, else synclab's package version. */
async function versionOf(url: string): Promise<string> {
  try {
    const mod = (await import(url)) as { VERSION?: unknown; ENGINE_VERSION?: unknown; SIM_VERSION?: unknown };
    const v = mod.VERSION ?? mod.ENGINE_VERSION ?? mod.SIM_VERSION;
    if (typeof v === 'string') return v;
  } catch {
    // fall through to the package version
  }
  return PACKAGE_VERSION;
}

export const PACKAGE_VERSION = packageVersion();
