/**
 * @module
 * A worker thread that syncs reps for the main engine (options.workers > 0). Reading Exchange items costs ~400 µs of
 * client CPU each in ews-javascript-api (perf-ceilings.md), so one thread saturates one core; workers spread reps over
 * the machine's cores. Each worker has its own runtime — its own Salesforce session, EWS dispatcher channel and OAuth
 * token — and re-reads a rep's state shard from disk for every job (the main thread may have touched it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SystemClock } from '#time/clock.ts';
import type { EngineConfig } from '../api.ts';
import { runRep, type CycleScope, type RepJob } from './run-rep.ts';
import { createRuntime, type EngineRuntime } from './runtime.ts';

export type WorkerRequest = { type: 'job'; id: number; scope: CycleScope; job: RepJob } | { type: 'close' };
export type WorkerReply = { type: 'outcome'; id: number; outcome: Awaited<ReturnType<typeof runRep>> } | { type: 'crash'; id: number; message: string };

const { config, seed } = workerData as { config: EngineConfig; seed: number; entry: string };
// Wall time: workers are only allowed with a SystemClock engine (scenario time lives in the main thread).
const rt: EngineRuntime = createRuntime({ ...config, options: { ...config.options, workers: 0 } }, { clock: new SystemClock(), seed });

parentPort!.on('message', async (message: WorkerRequest) => {
  if (message.type === 'close') {
    for (const store of rt.stores.values()) await store.flush();
    parentPort!.close();
    return;
  }
  try {
    rt.stores.delete(String(message.job.user.Email).toLowerCase());
    // A worker's session paused on the API budget may check it once per job, else it would stay paused for good.
    rt.session.beginCycle();
    const outcome = await runRep(rt, message.scope, message.job);
    parentPort!.postMessage({ type: 'outcome', id: message.id, outcome } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ type: 'crash', id: message.id, message: (error as Error)?.stack ?? String(error) } satisfies WorkerReply);
  }
});
