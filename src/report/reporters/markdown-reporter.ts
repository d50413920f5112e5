/**
 * @module
 * summary.md: what a reviewer reads in a CI job summary or PR comment — the verdict, regressions first, known
 * failures with their reasons, the rule matrix by family, uncovered IDs and the findings.
 */
import type { ExpectationResult, RunReport } from '../model.ts';
import type { ConformanceReporter, ReportOutput } from '../reporter.ts';
import { describeValue } from './text.ts';

export class MarkdownReporter implements ConformanceReporter {
  readonly name = 'markdown';
  async onRunEnd(report: RunReport, output: ReportOutput): Promise<void> {
    await output.writeFile('summary.md', renderMarkdown(report));
  }
}

const ICON: Record<string, string> = { PASS: '✅', FAIL: '❌', ERROR: '💥', SKIP: '⏭️', UNCOVERED: '⬜' };

export function renderMarkdown(report: RunReport): string {
  const s = report.summary;
  const all = report.scenarios.flatMap((sc) => sc.expectations);
  const out: string[] = [];
  out.push(`# synclab conformance: ${s.ok ? 'no regressions' : `${s.regressions} regression${s.regressions === 1 ? '' : 's'}`}`, '');
  out.push(
    `Engine ${report.run.engine} · sims ${report.run.sims.exchange} / ${report.run.sims.salesforce} · git ${report.run.gitRevision} · Node ${report.run.node}` +
      (report.run.seed !== null ? ` · seed ${report.run.seed}` : '') +
      (report.run.shard ? ` · shard ${report.run.shard.index}/${report.run.shard.total}` : ''),
    '',
  );
  out.push('| | Total | Pass | Fail | Error | Skip |', '|---|---:|---:|---:|---:|---:|');
  for (const [label, t] of [['Scenarios', s.scenarios], ['Expectations', s.expectations]] as const) {
    out.push(`| ${label} | ${t.total} | ${t.PASS} | ${t.FAIL} | ${t.ERROR} | ${t.SKIP} |`);
  }
  out.push('', `Regressions **${s.regressions}** · known failures ${s.knownFailures} · fixed ${s.fixed} · rules covered ${report.coverage.covered}/${report.coverage.total} (passing ${report.coverage.passing})`, '');

  const section = (title: string, items: ExpectationResult[], line: (e: ExpectationResult) => string) => {
    if (!items.length) return;
    out.push(`## ${title} (${items.length})`, '', ...items.map(line), '');
  };
  section('Regressions', all.filter((e) => e.classification === 'regression'), (e) =>
    `- ${ICON[e.verdict]} **${e.scenario}** — ${e.name} [${e.rules.join(', ')}]: ${e.message ?? ''}` +
      (e.expected !== undefined ? `\n  - expected \`${describeValue(e.expected, 200)}\`\n  - actual \`${describeValue(e.actual, 200)}\`` : ''),
  );
  section('Fixed (remove from known failures)', all.filter((e) => e.classification === 'fixed'), (e) => `- ${e.scenario} — ${e.name}`);
  section('Known failures', all.filter((e) => e.classification === 'known-failure'), (e) =>
    `- ${ICON[e.verdict]} ${e.scenario} — ${e.name}: ${e.known?.reason ?? ''}${e.known?.issue ? ` (${e.known.issue})` : ''}`,
  );
  const failing = report.scenarios.filter((sc) => sc.expectations.some((e) => e.classification === 'regression') || (sc.error && !sc.expectations.length));
  if (failing.length) {
    out.push('Reproduce one locally:', '', '```sh', ...failing.slice(0, 20).map((sc) => `npx synclab run ${sc.file} --seed ${sc.seed}`), '```', '');
  }
  const broken = report.scenarios.filter((sc) => sc.error);
  if (broken.length) out.push(`## Scenarios that could not run (${broken.length})`, '', ...broken.map((sc) => `- 💥 **${sc.id}** (${sc.file}): ${sc.error}`), '');

  out.push('## Rules', '', '| Rule | Verdict | Pass | Fail | Error | Skip | Title |', '|---|---|---:|---:|---:|---:|---|');
  for (const r of report.rules) {
    out.push(`| ${r.id} | ${ICON[r.verdict]} ${r.verdict} | ${r.counts.PASS} | ${r.counts.FAIL} | ${r.counts.ERROR} | ${r.counts.SKIP} | ${escapeCell(r.title)} |`);
  }
  out.push('', `**Uncovered rules (${report.coverage.uncovered.length}):** ${report.coverage.uncovered.join(', ') || 'none'}`, '');

  if (report.findings.length) {
    out.push(`## Findings (${report.findings.length})`, '');
    for (const f of report.findings.slice(0, 100)) out.push(`- **${f.kind}** ${f.rule} · ${f.scenario} · ${f.org}${f.rep ? ` · ${f.rep}` : ''}: ${escapeCell(f.message)}`);
    if (report.findings.length > 100) out.push(`- … ${report.findings.length - 100} more in report.json`);
    out.push('');
  }
  return out.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
