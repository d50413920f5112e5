/**
 * @module
 * The reporter interface (every hook optional, like vitest's) and the map from `--reporter` names to reporters.
 * File reporters do their work in `onRunEnd`, writing through the `ReportOutput` they are given; progress reporters
 * use the per-scenario hooks.
 */
import type { ExpectationResult, RunReport, ScenarioResult } from './model.ts';

export interface ReportOutput {
  /** Directory being written. */
  readonly dir: string;
  writeFile(name: string, content: string): Promise<void>;
}

export interface ScenarioHeader {
  id: string;
  title: string;
  file: string;
}

export interface ConformanceReporter {
  readonly name: string;
  onRunStart?(info: { total: number; workers: number }): void;
  onScenarioStart?(scenario: ScenarioHeader): void;
  onExpectationResult?(result: ExpectationResult): void;
  onScenarioEnd?(result: ScenarioResult): void;
  onRunEnd?(report: RunReport, output: ReportOutput): Promise<void> | void;
}

export const reportersMap = {
  json: async () => new (await import('./reporters/json-reporter.ts')).JsonReporter(),
  junit: async () => new (await import('./reporters/junit-reporter.ts')).JUnitReporter(),
  markdown: async () => new (await import('./reporters/markdown-reporter.ts')).MarkdownReporter(),
  html: async () => new (await import('./reporters/html-reporter.ts')).HtmlReporter(),
} satisfies Record<string, () => Promise<ConformanceReporter>>;

export type ReporterName = keyof typeof reportersMap;
export const REPORTER_NAMES = Object.keys(reportersMap) as ReporterName[];
export const DEFAULT_REPORTERS: ReporterName[] = ['json', 'junit', 'markdown', 'html'];

export async function createReporters(names: readonly string[]): Promise<ConformanceReporter[]> {
  const unknown = names.filter((n) => !(n in reportersMap));
  if (unknown.length) throw new Error(`unknown reporter ${unknown.map((n) => `"${n}"`).join(', ')} — expected any of: ${REPORTER_NAMES.join(', ')}`);
  return Promise.all(names.map((n) => reportersMap[n as ReporterName]()));
}
