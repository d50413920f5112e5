/**
 * Playwright global setup: builds the synthetic failing report into test-results/e2e-failing-report.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const FAILING_REPORT_DIR = path.resolve(import.meta.dirname, '../../test-results/e2e-failing-report');

export default function globalSetup(): void {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'make-failing-report.ts'), FAILING_REPORT_DIR], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: 'inherit',
  });
}
