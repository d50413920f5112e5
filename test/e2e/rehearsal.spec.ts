/**
 * Browser test of the rehearsal report: runs `synclab rehearse examples/rehearsal/acme.yaml --days 1`, opens
 * index.html from file://, checks the risk table against report.json, the "only risks found" filter, that nothing
 * is fetched from the network, and saves a screenshot as an artifact.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { collectPageProblems } from './page-problems.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = path.resolve(root, 'test-results/e2e-rehearsal');

interface Report { risks: Array<{ id: string; total: number; initial: number }>; statuses: unknown[] }

test.beforeAll(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'bin/synclab.mjs', 'rehearse', 'examples/rehearsal/acme.yaml', '--days', '1', '--interval', '6h', '--report', dir], { cwd: root, stdio: 'inherit' });
});

test('rehearsal report: risk table matches report.json and filters to risks found', async ({ page }, testInfo) => {
  const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
  const errors = collectPageProblems(page);
  await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
  await expect(page.locator('#risks tr[data-risk]')).toHaveCount(report.risks.length);
  for (const risk of report.risks) {
    const row = page.locator(`#risks tr[data-risk="${risk.id}"]`);
    await expect(row.locator('td[data-count="initial"]')).toHaveText(String(risk.initial));
    await expect(row.locator('td[data-count="total"]')).toHaveText(String(risk.total));
  }
  const found = report.risks.filter((r) => r.total > 0).length;
  expect(found).toBeGreaterThan(5);
  await expect(page.locator('#risk-count')).toHaveText(`${found} of ${report.risks.length} risks found`);
  await page.locator('#only-found').check();
  await expect(page.locator('#risks tr[data-risk]:visible')).toHaveCount(found);
  await page.locator('#only-found').uncheck();
  await expect(page.locator('#risks tr[data-risk]:visible')).toHaveCount(report.risks.length);
  await expect(page.locator('#statuses tr')).toHaveCount(report.statuses.length + 1);
  await page.screenshot({ path: testInfo.outputPath('rehearsal-report.png'), fullPage: true });
  expect(errors).toEqual([]);
});
