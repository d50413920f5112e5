/**
 * @module
 * Child-process entry for `synclab run --workers N`: receives scenario files over IPC, runs each in this process
 * (fresh sims per scenario) and sends the ScenarioRun back. One scenario at a time per worker.
 */
import { loadScenarioFile } from './load.ts';
import { runScenario } from './run.ts';

export interface WorkerRequest {
  type: 'run';
  file: string;
  seed?: number;
  timeoutMs?: number;
}

export type WorkerReply = { type: 'result'; file: string; run: Awaited<ReturnType<typeof runScenario>> } | { type: 'crash'; file: string; message: string };

process.on('message', async (message: WorkerRequest) => {
  if (message?.type !== 'run') return;
  try {
    const scenario = await loadScenarioFile(message.file);
    const run = await runScenario(scenario, { ...(message.seed !== undefined ? { seed: message.seed } : {}), ...(message.timeoutMs ? { timeoutMs: message.timeoutMs } : {}) });
    process.send!({ type: 'result', file: message.file, run } satisfies WorkerReply);
  } catch (error) {
    process.send!({ type: 'crash', file: message.file, message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies WorkerReply);
  }
});
process.send?.({ type: 'ready' });
