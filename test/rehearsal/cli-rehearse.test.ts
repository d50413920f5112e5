/** `synclab rehearse` as the admin runs it: writes the three report files; bad input exits 2 with a clear message. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'rehearse-cli-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  return { out, err, restore: () => { o.mockRestore(); e.mockRestore(); } };
}

describe('synclab rehearse (CLI)', () => {
  it('writes index.html, report.json and summary.md into --report', async () => {
    const io = capture();
    const report = path.join(dir, 'acme');
    const code = await main(['rehearse', 'examples/rehearsal/acme.yaml', '--days', '0', '--report', report]).finally(io.restore);
    expect(code).toBe(0);
    for (const f of ['index.html', 'report.json', 'summary.md']) expect(existsSync(path.join(report, f)), f).toBe(true);
    const json = JSON.parse(await readFile(path.join(report, 'report.json'), 'utf8'));
    expect(json.input).toMatchObject({ seed: 7, days: 0, dryRun: false });
    expect(io.out.join('')).toMatch(/^9 risk\(s\) found: /); // CON-05 removal needs a second cycle
  }, 60_000);

  it('--dry-run adds the plan to the report', async () => {
    const io = capture();
    const report = path.join(dir, 'dry');
    const code = await main(['rehearse', 'examples/rehearsal/acme.yaml', '--dry-run', '--report', report]).finally(io.restore);
    expect(code).toBe(0);
    expect(await readFile(path.join(report, 'summary.md'), 'utf8')).toContain('## Dry run: plan of the first cycle');
  }, 60_000);

  it('an invalid ORG.yaml exits 2 naming file:line:col and field', async () => {
    const bad = path.join(dir, 'bad.yaml');
    await writeFile(bad, 'exchange:\n  domain: acme.test\norgs:\n  - id: prod\n    kind: prodution\ngroups:\n  - name: a\n    orgs: [prod]\n    reps: 1\n');
    const io = capture();
    const code = await main(['rehearse', bad, '--report', path.join(dir, 'x')]).finally(io.restore);
    expect(code).toBe(2);
    expect(io.err.join('')).toContain(`${bad}:5:11 orgs[0].kind: `);
  });

  it('a bad option value exits 2 and says what is expected', async () => {
    const io = capture();
    const code = await main(['rehearse', 'examples/rehearsal/acme.yaml', '--interval', '10s']).finally(io.restore);
    expect(code).toBe(2);
    expect(io.err.join('')).toContain('--interval must be at least 1m');
  });
});
