/**
 * @module
 * Writes a report directory. `--report reports/latest` (npm start) writes the run to `reports/<run-id>/` and copies it
 * to `reports/latest/` (replacing the old one), so every run is kept and `latest` is always complete. Any other
 * directory is written directly.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunReport } from './model.ts';
import type { ConformanceReporter, ReportOutput } from './reporter.ts';

export async function writeReport(report: RunReport, reporters: readonly ConformanceReporter[], dir: string): Promise<{ dir: string; archive?: string; files: string[] }> {
  const target = path.resolve(dir);
  const archiveDir = path.basename(target) === 'latest' ? path.join(path.dirname(target), report.wallClock.runId) : undefined;
  const first = archiveDir ?? target;
  const files = await writeInto(first, report, reporters);
  if (archiveDir) {
    await rm(target, { recursive: true, force: true });
    await cp(archiveDir, target, { recursive: true });
  }
  return { dir: target, ...(archiveDir ? { archive: archiveDir } : {}), files };
}

async function writeInto(dir: string, report: RunReport, reporters: readonly ConformanceReporter[]): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  const output: ReportOutput = {
    dir,
    async writeFile(name, content) {
      if (name.includes('..') || path.isAbsolute(name)) throw new Error(`reporter tried to write outside the report directory: ${name}`);
      await writeFile(path.join(dir, name), content);
      files.push(name);
    },
  };
  for (const reporter of reporters) await reporter.onRunEnd?.(report, output);
  return files.sort();
}

/** `20260302-081500-ab12cd3` from the wall clock and git revision. */
export function makeRunId(now: Date, gitRevision: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${gitRevision.slice(0, 7) || 'nogit'}`;
}
