// Bootstrap of a rep worker thread: `--import tsx` in a Worker's execArgv does not install tsx's loader in the
// worker on Node 20, so the worker registers it itself, then loads the TypeScript entry named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
