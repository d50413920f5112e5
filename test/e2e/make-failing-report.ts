/**
 * Writes a small report WITH failures, regressions and a known failure (from the reporter tests' synthetic run) so
 * the browser test always exercises a non-empty failure filter, even when the real suite is all green.
 * Run by global-setup.ts: `node --import tsx test/e2e/make-failing-report.ts <dir>`.
 */
import { createReporters, DEFAULT_REPORTERS } from '../../src/report/reporter.ts';
import { writeReport } from '../../src/report/write-report.ts';
import { syntheticReport } from '../report/synthetic-run.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: make-failing-report.ts <output dir>');
await writeReport(syntheticReport(), await createReporters(DEFAULT_REPORTERS), dir);
