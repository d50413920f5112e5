/**
 * @module
 * Rehearsal scale bench: `npx tsx bench/rehearsal.ts [--file examples/rehearsal/large.yaml] [--scale 0.01]
 * [--concurrency N]`. Runs the file's initial sync, then two cycles with no change a day apart (the first re-reads the
 * initial sync's own Salesforce writes once — they all share one SystemModstamp millisecond; the second is the steady
 * state), and prints wall time, items/s,
 * requests, peak RSS and the no-change/initial ratio. Targets for the full large.yaml on the 2-core machine: initial
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
const run = await runRehearsal(file, { days: 2, intervalMs: 86_400_000, activity: false, busyProbability: 0, engineOptions: { concurrency }, onProgress: (l) => process.stderr.write(`${l} (RSS now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB)\n`) });
const initialMs = run.initial.wallMs;
const noChange = run.cycles.filter((c) => c.day === 2);
const noChangeMs = noChange.reduce((a, c) => a + c.wallMs, 0);
const firstQuiet = run.cycles.filter((c) => c.day === 1);
const firstQuietMs = firstQuiet.reduce((a, c) => a + c.wallMs, 0);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
const rows: Array<[string, string]> = [
  ['scale', `${scale} (${world.reps.length} reps)`],
  ['items', String(items)],
  ['sims + world start (wall)', `${((performance.now() - t0 - initialMs - noChangeMs - firstQuietMs) / 1000).toFixed(1)} s`],
  ['initial sync (wall)', `${(initialMs / 1000).toFixed(1)} s`],
  ['items/s', (items / (initialMs / 1000)).toFixed(0)],
  ['initial requests', `${run.initial.exRequests} EWS + ${run.initial.sfRequests} Salesforce`],
  ['written', `${run.cycles.filter((c) => c.day === 0).reduce((a, c) => a + c.summary.written.exchange, 0)} Exchange, ${run.cycles.filter((c) => c.day === 0).reduce((a, c) => a + c.summary.written.salesforce, 0)} Salesforce`],
  ['first no-change cycle (wall)', `${(firstQuietMs / 1000).toFixed(2)} s, ${firstQuiet.reduce((a, c) => a + c.summary.read.salesforce + c.summary.read.exchange, 0)} records re-read, ${firstQuiet.reduce((a, c) => a + c.exRequests, 0)} EWS + ${firstQuiet.reduce((a, c) => a + c.sfRequests, 0)} Salesforce requests`],
  ['no-change cycle (wall)', `${(noChangeMs / 1000).toFixed(2)} s, ${noChange.reduce((a, c) => a + c.exRequests, 0)} EWS + ${noChange.reduce((a, c) => a + c.sfRequests, 0)} Salesforce requests, ${noChange.reduce((a, c) => a + c.summary.written.exchange + c.summary.written.salesforce, 0)} writes`],
  ['no-change / initial', `${((noChangeMs / initialMs) * 100).toFixed(2)} % (target < 2 %)`],
  ['peak RSS', `${mb(process.resourceUsage().maxRSS)} (target < 4096 MiB at scale 1)`],
  ['projected initial at scale 1 (linear)', `${((initialMs / scale) / 60_000).toFixed(1)} min (target < 15 min)`],
];
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(40)} ${v}\n`);
