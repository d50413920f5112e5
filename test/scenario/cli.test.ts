import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenario } from './tiny-scenarios.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/synclab.mjs');
const exec = promisify(execFile);

async function synclab(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const ok = (id: string) => scenario(id, `steps:\n  - sync: prod\nexpect:\n  - salesforce.event: { org: prod, ref: kickoff, fields: { Subject: Kickoff } }\n`);

describe('synclab CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'scn-cli-'));
    await mkdir(path.join(dir, 'scenarios', 'ok'), { recursive: true });
    await writeFile(path.join(dir, 'scenarios', 'ok', 'a.yaml'), ok('ok/a'));
    await writeFile(path.join(dir, 'scenarios', 'ok', 'b.yaml'), ok('ok/b'));
    await writeFile(path.join(dir, 'scenarios', 'ok', 'c.yaml'), ok('ok/c'));
  });

  it('run: one bad file is ERROR with file:line:col, the rest still run (2 workers); exit 2', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'scn-cli-bad-'));
    await mkdir(path.join(work, 'scenarios'));
    await writeFile(path.join(work, 'scenarios', 'good.yaml'), ok('good/one'));
    await writeFile(path.join(work, 'scenarios', 'good2.yaml'), ok('good/two'));
    await writeFile(path.join(work, 'scenarios', 'bad.yaml'), ok('bad/one').replace('- sync: prod', '- advance: 15'));
    const r = await synclab(['run', 'scenarios', '--workers', '2', '--report', 'out'], work);
    expect(r.code).toBe(2);
    const report = JSON.parse(await readFile(path.join(work, 'out', 'report.json'), 'utf8'));
    expect(report.scenarios.map((s: { id: string; verdict: string }) => [s.id, s.verdict])).toEqual([['good/one', 'PASS'], ['good/two', 'PASS'], ['scenarios/bad.yaml', 'ERROR']]);
    expect(report.wallClock.workers).toBe(2);
    expect(report.scenarios[2].error).toMatch(/^scenarios\/bad\.yaml:\d+:\d+ steps\[0\]\.advance: "15" is not a duration/);
    expect(r.stderr).toContain('[3/3]');
    expect(r.stderr).toContain('on 2 workers');
  });

  it('run --shard 1/2 and 2/2 partition the suite; merge-reports combines them', async () => {
    const a = await synclab(['run', 'scenarios', '--shard', '1/2', '--workers', '1', '--report', 'shard1', '--reporter', 'json'], dir);
    const b = await synclab(['run', 'scenarios', '--shard', '2/2', '--workers', '1', '--report', 'shard2', '--reporter', 'json'], dir);
    expect([a.code, b.code]).toEqual([0, 0]);
    const ids = async (d: string) => JSON.parse(await readFile(path.join(dir, d, 'report.json'), 'utf8')).scenarios.map((s: { id: string }) => s.id);
    expect(await ids('shard1')).toEqual(['ok/a', 'ok/c']);
    expect(await ids('shard2')).toEqual(['ok/b']);
    const m = await synclab(['merge-reports', 'shard1', 'shard2/report.json', '--report', 'merged'], dir);
    expect(m.code).toBe(0);
    expect(await ids('merged')).toEqual(['ok/a', 'ok/b', 'ok/c']);
    const merged = JSON.parse(await readFile(path.join(dir, 'merged', 'report.json'), 'utf8'));
    expect(merged.summary.expectations.PASS).toBe(3);
    expect(await readFile(path.join(dir, 'merged', 'index.html'), 'utf8')).toContain('<!doctype html>');
    const overlap = await synclab(['merge-reports', 'shard1', 'shard1', '--report', 'x'], dir);
    expect(overlap.code).toBe(2);
    expect(overlap.stderr).toContain('the shards overlap');
  });

  it('usage errors exit 2 with a message naming the option; --help exits 0 (in-process)', async () => {
    const { main } = await import('../../src/cli/main.ts');
    const out: string[] = [];
    const spy = (chunk: string | Uint8Array) => (out.push(String(chunk)), true);
    const [stdout, stderr] = [process.stdout.write, process.stderr.write];
    process.stdout.write = spy as typeof process.stdout.write;
    process.stderr.write = spy as typeof process.stderr.write;
    try {
      expect(await main(['run', '--shard', '3/2'])).toBe(2);
      expect(out.join('')).toContain('--shard "3/2" is not a shard — expected i/n with 1 ≤ i ≤ n');
      expect(await main(['run', '--reporter', 'xml'])).toBe(2);
      expect(out.join('')).toContain('unknown reporter "xml"');
      expect(await main(['run', '--workers', '0'])).toBe(2);
      expect(await main(['nope'])).toBe(2);
      for (const command of ['run', 'validate', 'merge-reports']) {
        out.length = 0;
        expect(await main([command, '--help']), command).toBe(0);
        expect(out.join('')).toMatch(new RegExp(`^Usage: synclab ${command}`));
      }
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
  });

  it('validate: exit 0 when valid, 2 with every problem listed when not', async () => {
    expect((await synclab(['validate', 'scenarios'], dir)).code).toBe(0);
    const work = await mkdtemp(path.join(tmpdir(), 'scn-cli-val-'));
    await writeFile(path.join(work, 'x.yaml'), ok('x/y').replace('rules: [EVT-12, G-02]', 'rules: [EVT-99]'));
    const r = await synclab(['validate', 'x.yaml'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('x.yaml:3:9 rules[0]: unknown rule "EVT-99"');
  });
});
