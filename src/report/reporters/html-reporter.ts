/**
 * @module
 * index.html: ONE self-contained file (inline CSS and JS, no network) with the verdict, a rule-by-rule matrix,
 * filters by verdict / rule / family, every scenario's timeline and diffs, and findings highlighted.
 */
import { CATALOGUE } from '../../scenario/catalogue.ts';
import { CLIENT_SCRIPT } from '../html/client-script.ts';
import { h } from '../html/escape.ts';
import { renderFindings, renderMatrix } from '../html/render-matrix.ts';
import { renderScenarios } from '../html/render-scenarios.ts';
import { STYLES } from '../html/styles.ts';
import type { RunReport, Totals } from '../model.ts';
import type { ConformanceReporter, ReportOutput } from '../reporter.ts';

export class HtmlReporter implements ConformanceReporter {
  readonly name = 'html';
  async onRunEnd(report: RunReport, output: ReportOutput): Promise<void> {
    await output.writeFile('index.html', renderHtml(report));
  }
}

export function renderHtml(report: RunReport): string {
  const s = report.summary;
  const families = [...new Set(CATALOGUE.map((r) => r.family))];
  const verdictButtons = [
    ['all', 'All'], ['FAIL', 'Fail'], ['ERROR', 'Error'], ['SKIP', 'Skip'], ['PASS', 'Pass'], ['UNCOVERED', 'Uncovered'], ['regression', 'Regressions'], ['known', 'Known failures'],
  ].map(([value, label]) => `<button type="button" data-filter-verdict="${value}" aria-pressed="${value === 'all'}">${label}</button>`).join('');
  const run = report.run;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>synclab conformance — ${s.ok ? 'no regressions' : `${s.regressions} regressions`}</title><style>${STYLES}</style></head>
<body><header>
<h1>synclab conformance report</h1>
<p class="meta">engine ${h(run.engine)} · sims ${h(run.sims.exchange)} / ${h(run.sims.salesforce)} · git <code>${h(run.gitRevision)}</code> · Node ${h(run.node)}${run.seed !== null ? ` · seed ${run.seed}` : ''}${run.shard ? ` · shard ${run.shard.index}/${run.shard.total}` : ''}</p>
<p class="banner ${s.ok ? 'ok' : 'bad'}" role="status" data-testid="verdict">${s.ok ? 'No regressions' : `${s.regressions} regression${s.regressions === 1 ? '' : 's'}`} · ${s.knownFailures} known failure${s.knownFailures === 1 ? '' : 's'} · ${s.fixed} fixed · rules covered ${report.coverage.covered}/${report.coverage.total}</p>
<div class="cards">${card('Scenarios', s.scenarios, 'scenarios')}${card('Expectations', s.expectations, 'expectations')}
<div class="card"><span>Rules</span><b data-testid="rules-covered">${report.coverage.covered}/${report.coverage.total}</b><span class="msg">${report.coverage.passing} passing · ${report.coverage.uncovered.length} uncovered</span></div>
<div class="card"><span>Findings</span><b data-testid="findings-total">${report.findings.length}</b></div></div>
</header>
<main>
<nav class="filters" aria-label="Filters"><span role="group" aria-label="Verdict">${verdictButtons}</span>
<label>Family <select id="filter-family"><option value="">all</option>${families.map((f) => `<option>${h(f)}</option>`).join('')}</select></label>
<label>Rule <input id="filter-rule" list="rule-ids" placeholder="e.g. EVT-03" size="10"></label>
<datalist id="rule-ids">${CATALOGUE.map((r) => `<option value="${h(r.id)}">${h(r.title)}</option>`).join('')}</datalist></nav>
${renderMatrix(report)}
${renderFindings(report)}
${renderScenarios(report.scenarios)}
</main>
<script>${CLIENT_SCRIPT}</script>
</body></html>
`;
}

function card(label: string, t: Totals, key: string): string {
  return `<div class="card" data-testid="card-${key}"><span>${label}</span><b data-testid="${key}-total">${t.total}</b>
<span class="msg"><span data-testid="${key}-PASS">${t.PASS}</span> pass · <span data-testid="${key}-FAIL">${t.FAIL}</span> fail · <span data-testid="${key}-ERROR">${t.ERROR}</span> error · <span data-testid="${key}-SKIP">${t.SKIP}</span> skip</span></div>`;
}
