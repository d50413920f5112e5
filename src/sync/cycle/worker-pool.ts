/**
 * @module
 * A small pool of rep worker threads (see rep-worker.ts): `run(scope, job)` hands a rep to an idle worker and resolves
 * with its outcome. Workers live as long as the engine, so sessions and Autodiscover answers are reused across cycles.
 */
import { Worker } from 'node:worker_threads';
import type { EngineConfig } from '../api.ts';
import { newOutcome, type RepOutcome } from './rep-outcome.ts';
import type { CycleScope, RepJob } from './run-rep.ts';
import type { WorkerReply, WorkerRequest } from './rep-worker.ts';

const BOOT = new URL('./rep-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./rep-worker.ts', import.meta.url).href;

interface Slot {
  worker: Worker;
  busy: boolean;
}

export class RepWorkerPool {
  #slots: Slot[];
  #waiting: Array<(slot: Slot) => void> = [];
  #pending = new Map<number, { resolve: (o: RepOutcome) => void; job: RepJob }>();
  #next = 1;

  constructor(config: EngineConfig, seed: number, size: number) {
    this.#slots = Array.from({ length: size }, () => {
      const worker = new Worker(BOOT, { workerData: { config, seed, entry: ENTRY } });
      worker.on('message', (reply: WorkerReply) => this.#settle(reply));
      worker.on('error', (error) => {
        for (const [id, p] of this.#pending) this.#settle({ type: 'crash', id, message: error.message }, p);
      });
      return { worker, busy: false };
    });
  }

  async run(scope: CycleScope, job: RepJob): Promise<RepOutcome> {
    const slot = await this.#acquire();
    const id = this.#next++;
    try {
      return await new Promise<RepOutcome>((resolve) => {
        this.#pending.set(id, { resolve, job });
        slot.worker.postMessage({ type: 'job', id, scope, job } satisfies WorkerRequest);
      });
    } finally {
      this.#release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map(async ({ worker }) => {
      worker.postMessage({ type: 'close' } satisfies WorkerRequest);
      await new Promise((resolve) => worker.once('exit', resolve));
    }));
  }

  #settle(reply: WorkerReply, known?: { resolve: (o: RepOutcome) => void; job: RepJob }): void {
    const pending = known ?? this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.type === 'outcome') {
      pending.resolve(reply.outcome);
      return;
    }
    const out = newOutcome(pending.job.user.Id, pending.job.user.Username ?? String(pending.job.user.Email));
    out.errors.push({ rep: out.rep, code: 'WORKER_CRASHED', message: `the worker syncing this rep failed: ${reply.message.split('\n')[0]}` });
    pending.resolve(out);
  }

  #acquire(): Promise<Slot> {
    const idle = this.#slots.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(slot: Slot): void {
    const next = this.#waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }
}
