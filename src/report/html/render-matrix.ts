/**
 * @module
 * The rule-by-rule matrix, coverage and findings sections of index.html. Rows carry data-* attributes the filters
 * read (verdict, family, rule, classification).
 */
import type { RunReport } from '../model.ts';
import { familyOf } from '../../scenario/catalogue.ts';
import { badge, h, slug } from './escape.ts';

export function renderMatrix(report: RunReport): string {
  const rows = report.rules.map((r) => {
    const known = r.knownFailures > 0 ? ` <span class="badge known" title="known failures">${r.knownFailures} known</span>` : '';
    const links = r.scenarios.map((id) => `<a href="#${slug(id)}" data-open="${slug(id)}">${h(id)}</a>`).join('<br>');
    return `<tr data-rule="${h(r.id)}" data-family="${h(r.family)}" data-verdict="${h(r.verdict)}" data-regression="${r.regressions > 0}" data-known="${r.knownFailures > 0}">
<th scope="row"><code>${h(r.id)}</code></th><td>${badge(r.verdict)}${known}</td><td class="num">${r.counts.PASS}</td><td class="num">${r.counts.FAIL}</td><td class="num">${r.counts.ERROR}</td><td class="num">${r.counts.SKIP}</td><td>${h(r.title)}</td><td>${links}</td></tr>`;
  });
  return `<section aria-labelledby="h-matrix"><h2 id="h-matrix">Rules</h2>
<p class="count-line" id="matrix-count" aria-live="polite"></p>
<table id="matrix" data-testid="rule-matrix"><caption class="visually-hidden">Verdict per SPEC rule</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Verdict</th><th scope="col">Pass</th><th scope="col">Fail</th><th scope="col">Error</th><th scope="col">Skip</th><th scope="col">Title</th><th scope="col">Scenarios</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<h3>Uncovered rules (${report.coverage.uncovered.length})</h3>
<p id="uncovered">${report.coverage.uncovered.map((id) => `<code>${h(id)}</code>`).join(' ') || 'none — every catalogue rule has at least one expectation'}</p>
</section>`;
}

export function renderFindings(report: RunReport): string {
  if (!report.findings.length) return `<section aria-labelledby="h-findings"><h2 id="h-findings">Findings</h2><p>No findings.</p></section>`;
  const rows = report.findings.map((f) => `<tr class="finding-row" data-rule="${h(f.rule)}" data-family="${h(familyOf(f.rule))}" data-kind="${h(f.kind)}" data-scenario="${h(f.scenario)}">
<td><strong>${h(f.kind)}</strong></td><td><code>${h(f.rule)}</code></td><td><a href="#${slug(f.scenario)}" data-open="${slug(f.scenario)}">${h(f.scenario)}</a></td><td>${h(f.org)}${f.otherOrg ? ` ↔ ${h(f.otherOrg)}` : ''}</td><td>${h(f.rep ?? '')}</td>
<td>${h(f.message)}${f.field ? `<pre>${h(f.field)}: ${h(JSON.stringify(f.before))} → ${h(JSON.stringify(f.after))}</pre>` : ''}</td></tr>`);
  return `<section aria-labelledby="h-findings"><h2 id="h-findings">Findings (${report.findings.length})</h2>
<p class="count-line" id="finding-count" aria-live="polite"></p>
<table id="findings"><thead><tr><th scope="col">Kind</th><th scope="col">Rule</th><th scope="col">Scenario</th><th scope="col">Org</th><th scope="col">Rep</th><th scope="col">What</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}
