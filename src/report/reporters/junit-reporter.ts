/**
 * @module
 * junit.xml: one testsuite per scenario, one testcase per expectation (classname = scenario id). Known failures are
 * written as <skipped> with the reason, so CI's JUnit view goes red only for regressions — the same rule as the exit
 * code. A scenario that could not run at all is one testcase with <error>.
 */
import type { ExpectationResult, RunReport, ScenarioResult } from '../model.ts';
import type { ConformanceReporter, ReportOutput } from '../reporter.ts';
import { describeValue } from './text.ts';

export class JUnitReporter implements ConformanceReporter {
  readonly name = 'junit';
  async onRunEnd(report: RunReport, output: ReportOutput): Promise<void> {
    await output.writeFile('junit.xml', renderJUnit(report));
  }
}

export function renderJUnit(report: RunReport): string {
  const suites = report.scenarios.map(renderSuite);
  const t = report.summary.expectations;
  const failures = report.scenarios.flatMap((s) => s.expectations).filter((e) => e.classification === 'regression' && e.verdict === 'FAIL').length;
  const errors = report.scenarios.reduce((n, s) => n + suiteCounts(s).errors, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="synclab conformance" tests="${t.total}" failures="${failures}" errors="${errors}" time="${seconds(report.wallClock.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suiteCounts(s: ScenarioResult): { tests: number; failures: number; errors: number; skipped: number } {
  if (s.expectations.length === 0) return { tests: 1, failures: 0, errors: s.verdict === 'ERROR' ? 1 : 0, skipped: s.verdict === 'SKIP' ? 1 : 0 };
  const regression = (e: ExpectationResult) => e.classification === 'regression';
  return {
    tests: s.expectations.length,
    failures: s.expectations.filter((e) => e.verdict === 'FAIL' && regression(e)).length,
    errors: s.expectations.filter((e) => e.verdict === 'ERROR' && regression(e)).length,
    skipped: s.expectations.filter((e) => e.verdict === 'SKIP' || e.classification === 'known-failure').length,
  };
}

function renderSuite(s: ScenarioResult): string {
  const c = suiteCounts(s);
  const head = `  <testsuite name="${attr(s.id)}" file="${attr(s.file)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(s.durationMs)}">`;
  const props = `    <properties><property name="title" value="${attr(s.title)}"/><property name="rules" value="${attr(s.rules.join(' '))}"/><property name="seed" value="${s.seed}"/></properties>`;
  const cases = s.expectations.length
    ? s.expectations.map((e) => renderCase(s, e))
    : [`    <testcase classname="${attr(s.id)}" name="scenario" time="${seconds(s.durationMs)}">${s.verdict === 'ERROR' ? `<error message="${attr(s.error ?? 'scenario could not run')}"/>` : s.verdict === 'SKIP' ? `<skipped message="${attr(s.error ?? 'no expectations')}"/>` : ''}</testcase>`];
  return [head, props, ...cases, '  </testsuite>'].join('\n');
}

function renderCase(s: ScenarioResult, e: ExpectationResult): string {
  const open = `    <testcase classname="${attr(s.id)}" name="${attr(`${e.name} [${e.rules.join(', ')}]`)}" time="${seconds(e.durationMs)}"`;
  let body = '';
  if (e.classification === 'known-failure') body = `<skipped message="${attr(`known failure (${e.verdict}): ${e.known?.reason ?? ''}`)}"/><system-out>${text(detail(e))}</system-out>`;
  else if (e.verdict === 'FAIL') body = `<failure message="${attr(e.message ?? 'expectation failed')}" type="AssertionError">${text(detail(e))}</failure>`;
  else if (e.verdict === 'ERROR') body = `<error message="${attr(e.message ?? 'the run broke')}" type="RunError">${text(detail(e))}</error>`;
  else if (e.verdict === 'SKIP') body = `<skipped message="${attr(e.message ?? 'skipped')}"/>`;
  return body ? `${open}>${body}</testcase>` : `${open}/>`;
}

function detail(e: ExpectationResult): string {
  const lines = [`${e.verdict}: ${e.message ?? ''}`];
  if (e.expected !== undefined) lines.push(`expected: ${describeValue(e.expected)}`);
  if (e.actual !== undefined) lines.push(`actual:   ${describeValue(e.actual)}`);
  return lines.join('\n');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const XML_INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/g;
function text(value: string): string {
  return value.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
