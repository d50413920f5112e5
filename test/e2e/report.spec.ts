/**
 * Browser test of the conformance report: opens index.html from file://, checks the matrix and cards against
 * report.json, filters to failures, opens a scenario's timeline, and saves a screenshot as an artifact.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { collectPageProblems } from './page-problems.ts';

const root = path.resolve(import.meta.dirname, '../..');
// reports/latest is what `npm start` wrote; on a clean clone without a run, fall back to the committed sample.
const dir = path.resolve(
  root,
  process.env.SYNCLAB_REPORT_DIR ?? (existsSync(path.join(root, 'reports/latest/index.html')) ? 'reports/latest' : 'reports/sample'),
);

interface Report {
  findings: Array<{ scenario: string }>;
  summary: { expectations: Record<string, number>; scenarios: Record<string, number> };
  rules: Array<{ id: string; verdict: string }>;
  scenarios: Array<{ id: string; verdict: string; timeline: unknown[]; expectations: Array<{ verdict: string }> }>;
}

const failingDir = path.resolve(root, 'test-results/e2e-failing-report');

for (const [label, reportDir] of [['the suite report', dir], ['a report with failures', failingDir]] as const) {
  test(`${label}: the matrix matches report.json, filters to failures and opens a timeline`, async ({ page }, testInfo) => {
    if (!existsSync(path.join(reportDir, 'index.html'))) {
      throw new Error(`no report at ${reportDir} — run \`npm start\` first, or set SYNCLAB_REPORT_DIR to a report directory`);
    }
    const dir = reportDir;
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
    const errors = collectPageProblems(page);
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);

    // Cards and matrix agree with report.json.
    for (const v of ['PASS', 'FAIL', 'ERROR', 'SKIP'] as const) {
      await expect(page.getByTestId(`expectations-${v}`)).toHaveText(String(report.summary.expectations[v]));
      await expect(page.getByTestId(`scenarios-${v}`)).toHaveText(String(report.summary.scenarios[v]));
    }
    const rows = page.locator('#matrix tbody tr');
    await expect(rows).toHaveCount(report.rules.length);
    for (const v of ['PASS', 'FAIL', 'ERROR', 'UNCOVERED']) {
      await expect(page.locator(`#matrix tbody tr[data-verdict="${v}"]`)).toHaveCount(report.rules.filter((r) => r.verdict === v).length);
    }
    await expect(page.locator('#matrix-count')).toHaveText(`Showing ${report.rules.length} of ${report.rules.length} rules`);

    // Filter to failures.
    await page.getByRole('button', { name: 'Fail', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Fail', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const failingRules = report.rules.filter((r) => r.verdict === 'FAIL').length;
    await expect(page.locator('#matrix tbody tr:not(.hidden)')).toHaveCount(failingRules);
    const failingScenarios = report.scenarios.filter((s) => s.verdict === 'FAIL' || s.expectations.some((e) => e.verdict === 'FAIL'));
    await expect(page.locator('details.scenario:not(.hidden)')).toHaveCount(failingScenarios.length);
    await expect(page.locator('#scenario-count')).toHaveText(`Showing ${failingScenarios.length} of ${report.scenarios.length} scenarios`);
    const failingIds = new Set(failingScenarios.map((s) => s.id));
    if (report.findings.length > 0) {
      await expect(page.locator('#findings tbody tr:not(.hidden)')).toHaveCount(report.findings.filter((f) => failingIds.has(f.scenario)).length);
    }

    // Open a scenario's timeline: a failing one if any, else the first one.
    if (failingScenarios.length === 0) await page.getByRole('button', { name: 'All', exact: true }).click();
    const target = failingScenarios[0] ?? report.scenarios[0]!;
    const section = page.locator(`details.scenario[data-scenario="${target.id}"]`);
    await section.locator('summary').click();
    await expect(section).toHaveAttribute('open', '');
    const timeline = section.getByTestId('timeline');
    if (target.timeline.length > 0) {
      await expect(timeline).toBeVisible();
      await expect(timeline.locator('li')).toHaveCount(target.timeline.length);
    }

    const shot = testInfo.outputPath('report.png');
    await page.screenshot({ path: shot, fullPage: false });
    await testInfo.attach('report screenshot', { path: shot, contentType: 'image/png' });
    expect(errors).toEqual([]);
  });
}
