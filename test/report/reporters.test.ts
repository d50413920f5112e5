import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReporters, DEFAULT_REPORTERS } from '../../src/report/reporter.ts';
import { writeReport } from '../../src/report/write-report.ts';
import { renderJUnit } from '../../src/report/reporters/junit-reporter.ts';
import { renderMarkdown } from '../../src/report/reporters/markdown-reporter.ts';
import { renderHtml } from '../../src/report/reporters/html-reporter.ts';
import { SaxesParser } from 'saxes';
import { syntheticReport } from './synthetic-run.ts';

describe('buildReport', () => {
  const report = syntheticReport();
  it('classifies against known failures: regressions vs known failures', () => {
    const all = report.scenarios.flatMap((s) => s.expectations);
    expect(all.map((e) => [e.id, e.verdict, e.classification ?? null])).toEqual([
      ['contacts/sf-to-ex-basic#expect[0]', 'PASS', null],
      ['contacts/sf-to-ex-basic#expect[1]', 'PASS', null],
      ['overwrite/ex-only-overwrites-sf-notes#expect[0]', 'FAIL', 'regression'],
      ['overwrite/ex-only-overwrites-sf-notes#expect[1]', 'FAIL', 'known-failure'],
      ['overwrite/ex-only-overwrites-sf-notes#expect[2]', 'ERROR', 'regression'],
    ]);
    // two regressing expectations + one scenario that could not run at all
    expect(report.summary).toMatchObject({ regressions: 3, knownFailures: 1, fixed: 0, ok: false });
    expect(report.summary.expectations).toEqual({ PASS: 2, FAIL: 2, ERROR: 1, SKIP: 0, total: 5 });
  });

  it('computes rule verdicts (worst wins) and lists uncovered IDs', () => {
    const rule = (id: string) => report.rules.find((r) => r.id === id)!;
    expect(rule('CON-03')).toMatchObject({ verdict: 'PASS', counts: { PASS: 1, FAIL: 0, ERROR: 0, SKIP: 0 } });
    expect(rule('EVT-03')).toMatchObject({ verdict: 'FAIL', knownFailures: 1, regressions: 1 });
    expect(rule('G-02')).toMatchObject({ verdict: 'ERROR', counts: { PASS: 1, ERROR: 1 } });
    expect(report.coverage.covered).toBe(5);
    expect(report.coverage.uncovered).toContain('CONN-01');
    expect(report.coverage.uncovered).not.toContain('EVT-03');
    expect(report.coverage.uncovered.length).toBe(68 - 5);
  });

  it('sorts scenarios by id', () => {
    expect(report.scenarios.map((s) => s.id)).toEqual(['bad/file', 'contacts/sf-to-ex-basic', 'overwrite/ex-only-overwrites-sf-notes']);
  });
});

describe('reporters', () => {
  const report = syntheticReport();
  it('junit: a testcase per expectation with classname = scenario id; known failures are skipped, regressions fail', () => {
    const xml = renderJUnit(report);
    expect(xml.match(/<testcase /g)).toHaveLength(6);
    expect(xml).toContain('<testcase classname="overwrite/ex-only-overwrites-sf-notes" name="Description overwritten [EVT-03]"');
    expect(xml).toMatch(/name="overwrite finding \[EVT-03, G-03\]" time="[\d.]+"><skipped message="known failure \(FAIL\): engine does not emit overwrite findings yet"/);
    expect(xml).toContain('<testsuite name="overwrite/ex-only-overwrites-sf-notes" file="scenarios/overwrite/ex-only-overwrites-sf-notes.yaml" tests="3" failures="1" errors="1" skipped="1"');
    expect(xml).toContain('Calendar-to-Salesforce-only sync overwrites notes &lt;kept&gt; in Salesforce &amp; co');
    expect(xml).toMatch(/<testcase classname="bad\/file" name="scenario" time="[\d.]+"><error message="scenarios\/bad\/file.yaml:3:9/);
    // Well-formed XML: a strict parser reads it to the end and counts the testcases.
    const parser = new SaxesParser();
    let cases = 0;
    parser.on('opentag', (tag) => {
      if (tag.name === 'testcase') cases++;
    });
    parser.write(xml).close();
    expect(cases).toBe(6);
  });

  it('markdown: regressions first with expected vs actual, known failures with reasons, uncovered rules', () => {
    const md = renderMarkdown(report);
    expect(md.split('\n')[0]).toBe('# synclab conformance: 3 regressions');
    expect(md.indexOf('## Regressions (2)')).toBeLessThan(md.indexOf('## Known failures (1)'));
    expect(md).toContain('engine does not emit overwrite findings yet (#7)');
    expect(md).toContain('  - expected `{"Description":"Agenda v2"}`');
    expect(md).toMatch(/\*\*Uncovered rules \(63\):\*\* CONN-01, CONN-02/);
    expect(md).toContain('| EVT-03 | ❌ FAIL | 0 | 2 | 0 | 0 |');
  });

  it('html: one self-contained file — inline CSS/JS, no external URL — with counts and the matrix', () => {
    const html = renderHtml(report);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link /i);
    expect(html).toContain('<style>');
    expect(html).toContain('<script>');
    expect(html).toContain('data-testid="expectations-total">5</b>');
    expect(html.match(/<tr data-rule=/g)).toHaveLength(68);
    expect(html.match(/<details class="scenario"/g)).toHaveLength(3);
    expect(html).toContain('&lt;kept&gt; in Salesforce &amp; co');
  });

  it('writeReport writes the four files into reports/<run-id>/ and copies them to latest/', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'scn-report-'));
    const result = await writeReport(report, await createReporters(DEFAULT_REPORTERS), path.join(root, 'latest'));
    expect(result.files).toEqual(['index.html', 'junit.xml', 'report.json', 'summary.md']);
    expect((await readdir(root)).sort()).toEqual(['20260302-080000-abc1234', 'latest']);
    const latest = await readFile(path.join(root, 'latest', 'report.json'), 'utf8');
    expect(latest).toBe(await readFile(path.join(root, '20260302-080000-abc1234', 'report.json'), 'utf8'));
    expect(JSON.parse(latest).summary.regressions).toBe(3);
  });

  it('rejects an unknown reporter name with the valid ones', async () => {
    await expect(createReporters(['json', 'xml'])).rejects.toThrow('unknown reporter "xml" — expected any of: json, junit, markdown, html');
  });
});
