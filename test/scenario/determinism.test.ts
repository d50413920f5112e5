import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, stableJson } from '../../src/report/build-report.ts';
import { runSuite } from '../../src/scenario/suite.ts';
import { EX_TO_SF, scenario } from './tiny-scenarios.ts';

/** Removes the wall-clock fields (durationMs anywhere, the wallClock block) — everything else must match byte for byte. */
function withoutDurations(json: string): string {
  return JSON.stringify(JSON.parse(json), (key, value) => (key === 'durationMs' || key === 'wallClock' ? undefined : value), 2);
}

async function reportBytes(dir: string, seed?: number): Promise<string> {
  const suite = await runSuite({ paths: [dir], workers: 1, shard: null, reporters: [], ...(seed !== undefined ? { seed } : {}) });
  const report = buildReport({
    results: suite.runs.map((r) => r.result),
    info: { synclab: 'x', engine: 'x', sims: { exchange: 'x', salesforce: 'x' }, node: 'x', gitRevision: 'x', seed: seed ?? null, shard: null, paths: [dir] },
    known: [],
    secrets: suite.runs.flatMap((r) => r.secrets),
    wallClock: { runId: String(Math.random()), startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), durationMs: Math.random(), workers: 1 },
  });
  return stableJson(report);
}

describe('G-08 determinism', () => {
  it('two runs with the same seed give byte-identical report.json apart from durations', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scn-determinism-'));
    await writeFile(path.join(dir, 'a.yaml'), EX_TO_SF);
    await writeFile(path.join(dir, 'b.yaml'), scenario('tiny/edit-then-sync', `steps:
  - sync: prod
  - exchange.update: { mailbox: marianne@acme.test, item: kickoff, set: { body: Agenda v2 } }
  - advance: 1h
  - sync: prod
expect:
  - salesforce.event: { org: prod, ref: kickoff, fields: { Description: Agenda v2 } }
`));
    const first = await reportBytes(dir, 42);
    const second = await reportBytes(dir, 42);
    expect(first).not.toBe(second); // the durations really differ…
    expect(withoutDurations(first)).toBe(withoutDurations(second)); // …and nothing else does
    const parsed = JSON.parse(first);
    expect(parsed.scenarios.map((s: { id: string }) => s.id)).toEqual(['tiny/edit-then-sync', 'tiny/ex-to-sf']);
    expect(parsed.scenarios[0].cycles.length).toBe(2);
  });
});
