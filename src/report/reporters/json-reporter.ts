/**
 * @module
 * report.json: the whole RunReport with keys sorted, so equal runs give equal bytes (G-08).
 */
import { stableJson } from '../build-report.ts';
import type { RunReport } from '../model.ts';
import type { ConformanceReporter, ReportOutput } from '../reporter.ts';

export class JsonReporter implements ConformanceReporter {
  readonly name = 'json';
  async onRunEnd(report: RunReport, output: ReportOutput): Promise<void> {
    await output.writeFile('report.json', stableJson(report));
  }
}
