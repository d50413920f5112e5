/**
 * @module
 * Rehearsal scale bench: `npx tsx bench/rehearsal.ts [--file examples/rehearsal/large.yaml] [--scale 0.01]
 * [--concurrency N]`. Runs the file's initial sync, then a day later four cycles with no change an hour apart (the
 * first re-reads the initial sync's own Salesforce writes once; the median of the other three is the steady state), and prints wall
 * time, items/s, requests, peak RSS, retained heap and the no-change/initial ratio (median steady cycle). Targets for the full large.yaml on the 2-core machine: initial
 * < 15 min, peak RSS < 4 GiB, no-change < 2 % of the initial sync (issue #6).
 */
import { parseArgs } from 'node:util';
import { loadOrgFile } from '../src/rehearsal/load.ts';
import { buildRehearsalWorld, scaleOrgFile } from '../src/rehearsal/build-world.ts';
import { runRehearsal } from '../src/rehearsal/run.ts';

const { values } = parseArgs({ options: { file: { type: 'string' }, scale: { type: 'string' }, concurrency: { type: 'string' } } });
const scale = Number(values.scale ?? '1');
const concurrency = Number(values.concurrency ?? '1');
const file = scaleOrgFile(await loadOrgFile(values.file ?? 'examples/rehearsal/large.yaml'), scale);
const t0 = performance.now();
// Only the counts are kept: the rehearsal builds its own copy, and two copies of 1.5 M generated items would count
// against the peak memory figure.
const world = (() => {
  const built = buildRehearsalWorld(file);
  return { reps: { length: built.reps.length }, items: { ...built.items } };
})();
const buildMs = performance.now() - t0;
const items = world.items.exchange + world.items.salesforce;
process.stderr.write(`world: ${world.reps.length} reps, ${items} items (${world.items.exchange} Exchange, ${world.items.salesforce} Salesforce), built in ${(buildMs / 1000).toFixed(1)} s\n`);
// Initial sync, then a day later four cycles with no change an hour apart. The first re-reads the initial sync's own
// Salesforce writes once (they share one SystemModstamp millisecond and are newer than every rep's watermark — the
// engine has to see them to know they are its echo, G-02); the median of the next three is the steady state the ratio uses.
let retained = 'run with node --expose-gc to measure';
const run = await runRehearsal(file, { days: 1, intervalMs: 3_600_000, cyclesPerDay: 4, activity: false, busyProbability: 0, engineOptions: { concurrency }, onProgress: (l) => {
  // Right after the initial sync, both sims hold the whole company: what the run keeps, without garbage.
  if (l.startsWith('day 1')) retained = retainedHeap();
  process.stderr.write(`${l} (RSS now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB)\n`);
} });
const initialMs = run.initial.wallMs;
const quiet = run.cycles.filter((c) => c.day === 1);
const firstQuiet = quiet.slice(0, run.cycles.filter((c) => c.day === 0).length);
const steady = quiet.slice(firstQuiet.length);
const orgs = firstQuiet.length;
/** Wall time of each steady cycle (all orgs), and the median of them. */
const steadyCycles = Array.from({ length: steady.length / orgs }, (_, i) => steady.slice(i * orgs, (i + 1) * orgs).reduce((a, c) => a + c.wallMs, 0));
const noChangeMs = [...steadyCycles].sort((a, b) => a - b)[Math.floor((steadyCycles.length - 1) / 2)]!;
const noChange = steady.slice(0, orgs);
const firstQuietMs = firstQuiet.reduce((a, c) => a + c.wallMs, 0);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
const rows: Array<[string, string]> = [
  ['scale', `${scale} (${world.reps.length} reps)`],
  ['items', String(items)],
  ['sims + world start (wall)', `${((performance.now() - t0 - run.cycles.reduce((a, c) => a + c.wallMs, 0)) / 1000).toFixed(1)} s`],
  ['initial sync (wall)', `${(initialMs / 1000).toFixed(1)} s`],
  ['items/s', (items / (initialMs / 1000)).toFixed(0)],
  ['initial requests', `${run.initial.exRequests} EWS + ${run.initial.sfRequests} Salesforce`],
  ['written', `${run.cycles.filter((c) => c.day === 0).reduce((a, c) => a + c.summary.written.exchange, 0)} Exchange, ${run.cycles.filter((c) => c.day === 0).reduce((a, c) => a + c.summary.written.salesforce, 0)} Salesforce`],
  ['first no-change cycle (wall)', `${(firstQuietMs / 1000).toFixed(2)} s, ${firstQuiet.reduce((a, c) => a + c.summary.read.salesforce + c.summary.read.exchange, 0)} records re-read, ${firstQuiet.reduce((a, c) => a + c.exRequests, 0)} EWS + ${firstQuiet.reduce((a, c) => a + c.sfRequests, 0)} Salesforce requests`],
  ['no-change cycle (wall)', `${(noChangeMs / 1000).toFixed(2)} s (median of ${steadyCycles.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s), ${noChange.reduce((a, c) => a + c.exRequests, 0)} EWS + ${noChange.reduce((a, c) => a + c.sfRequests, 0)} Salesforce requests, ${noChange.reduce((a, c) => a + c.summary.read.exchange + c.summary.read.salesforce, 0)} records read, ${noChange.reduce((a, c) => a + c.summary.written.exchange + c.summary.written.salesforce, 0)} writes`],
  ['first no-change / initial', `${((firstQuietMs / initialMs) * 100).toFixed(2)} % (the one-off re-read of the initial sync's own writes)`],
  ['no-change / initial', `${((noChangeMs / initialMs) * 100).toFixed(2)} % (target < 2 %)`],
  ['retained heap after the initial sync', retained],
  ['peak RSS', `${mb(process.resourceUsage().maxRSS)} (target < 4096 MiB at scale 1)`],
  ['projected initial at scale 1 (linear)', `${((initialMs / scale) / 60_000).toFixed(1)} min (target < 15 min)`],
];
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(40)} ${v}\n`);

/** Heap still in use after a full collection (needs `node --expose-gc`): what the sims, the engine and the run keep. */
function retainedHeap(): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 'run with node --expose-gc to measure';
  gc();
  return `${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB`;
}
