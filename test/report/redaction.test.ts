import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReporters, DEFAULT_REPORTERS } from '../../src/report/reporter.ts';
import { writeReport } from '../../src/report/write-report.ts';
import { syntheticReport } from './synthetic-run.ts';

describe('no secret ever appears in any report file', () => {
  it('planted passwords, Authorization headers and session ids are scrubbed from all four files', async () => {
    const planted = 'Pl4nted-Svc-Passw0rd!';
    const report = syntheticReport(planted, [planted]);
    const dir = await mkdtemp(path.join(tmpdir(), 'scn-redact-'));
    await writeReport(report, await createReporters(DEFAULT_REPORTERS), dir);
    for (const file of ['report.json', 'junit.xml', 'summary.md', 'index.html']) {
      const text = await readFile(path.join(dir, file), 'utf8');
      expect(text, file).not.toContain(planted);
      expect(text, file).not.toContain('c3ZjOnNlY3JldA==');
      expect(text, file).not.toContain('AQ4AQFake.Session.Token');
    }
    // Scrubbing replaces, it does not drop the surrounding evidence.
    const json = await readFile(path.join(dir, 'report.json'), 'utf8');
    expect(json).toContain('Budget approved [redacted]');
  });
});
