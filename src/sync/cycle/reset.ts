/**
 * @module
 * Reset Sync for one rep (RST-01): "Marked for reset" → "Reset in progress" at the next cycle → cleared when the full
 * resync is done. The rep's pairings and checkpoints are cleared; record data is never changed, and matching (CON-04,
 * EVT-08) re-pairs what exists. A crash mid-reset resumes it (the state file remembers "ResetInProgress").
 */
import { updateRecords } from '../salesforce/record-writes.ts';
import type { RepJob } from './run-rep.ts';
import type { RepStateStore } from '../state/rep-state-store.ts';
import type { EngineRuntime } from './runtime.ts';

/** RST-01: Marked for reset → Reset in progress; the rep's pairings and checkpoints are cleared (data is never changed). */
export async function beginReset(rt: EngineRuntime, job: RepJob, store: RepStateStore): Promise<void> {
  if (store.state.resetStatus !== 'ResetInProgress') {
    store.update((s) => {
      s.pairings = [];
      s.syncStates = {};
      s.sfWatermarks = {};
      delete s.sfSettled;
      s.initialSyncDone = {};
      s.unresolved = [];
      s.resetStatus = 'ResetInProgress';
    });
    await store.flush();
  }
  if (job.status && job.status.ResetStatus !== 'ResetInProgress') {
    await updateRecords(rt.session, rt.objects.userStatus, [{ Id: job.status.Id, ResetStatus: 'ResetInProgress' }], { batchSize: 1, maxRetries: rt.options.maxRetries, readBack: false });
    job.status.ResetStatus = 'ResetInProgress';
  }
}

export async function finishReset(rt: EngineRuntime, job: RepJob, store: RepStateStore): Promise<void> {
  store.update((s) => delete s.resetStatus);
  await store.flush();
  if (job.status) {
    await updateRecords(rt.session, rt.objects.userStatus, [{ Id: job.status.Id, ResetStatus: null }], { batchSize: 1, maxRetries: rt.options.maxRetries, readBack: false });
    job.status.ResetStatus = null;
  }
}

