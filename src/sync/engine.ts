/**
 * @module
 * `createSyncEngine(config, deps)`: one engine per org (api.ts SyncEngine). It reaches Salesforce only through jsforce
 * and Exchange only through ews-javascript-api, given URLs and credentials, so it runs against the sims or against
 * real servers alike. Cycles never overlap: a second `runCycle` while one runs waits for it.
 */
import type { ConnectionTestResult, CycleSummary, EngineConfig, EngineDeps, SyncEngine } from './api.ts';
import { runConnectionTest } from './connection-test.ts';
import { runCycle } from './cycle.ts';
import { createRuntime, disposeRuntime } from './cycle/runtime.ts';
import { RepWorkerPool } from './cycle/worker-pool.ts';

export function createSyncEngine(config: EngineConfig, deps: EngineDeps): SyncEngine {
  const rt = createRuntime(config, deps);
  // Workers take ~2 s each to load tsx and the clients: start them now, while the first cycle logs in and reads setup.
  if (rt.options.workers > 0) rt.pool = new RepWorkerPool(config, deps.seed ?? 0, rt.options.workers);
  let running: Promise<unknown> = Promise.resolve();
  let closed = false;
  const serialize = <T>(fn: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error(`sync engine for org ${config.orgLabel} is closed; create a new one`));
    const next = running.then(fn, fn);
    running = next.catch(() => undefined);
    return next;
  };
  return {
    runCycle: (): Promise<CycleSummary> => serialize(() => runCycle(rt)),
    connectionTest: (repEmail: string): Promise<ConnectionTestResult> => serialize(() => runConnectionTest(rt, repEmail)),
    close: async () => {
      if (closed) return;
      await running;
      closed = true;
      for (const store of rt.stores.values()) await store.flush();
      await disposeRuntime(rt);
    },
  };
}
