/**
 * @module
 * One collapsible section per scenario: expectations with expected vs actual, the timeline (steps, cycles with
 * requests/writes, faults, findings, checks), the cycle table and final-state diffs.
 */
import { familyOf } from '../../scenario/catalogue.ts';
import type { ExpectationResult, ScenarioResult, StateDiff, TimelineEntry } from '../model.ts';
import { describeValue, instant, localInstant } from '../reporters/text.ts';
import { badge, h, slug } from './escape.ts';

export function renderScenarios(scenarios: ScenarioResult[]): string {
  return `<section aria-labelledby="h-scenarios"><h2 id="h-scenarios">Scenarios</h2>
<p class="count-line" id="scenario-count" aria-live="polite"></p>
${scenarios.map(renderScenario).join('\n')}</section>`;
}

function renderScenario(s: ScenarioResult): string {
  const verdicts = [...new Set(s.expectations.map((e) => e.verdict))];
  const classes = [...new Set(s.expectations.map((e) => e.classification).filter(Boolean))];
  const families = [...new Set(s.rules.map(familyOf))];
  return `<details class="scenario" id="${slug(s.id)}" data-testid="scenario" data-scenario="${h(s.id)}" data-verdict="${h(s.verdict)}" data-verdicts="${h(verdicts.join(' '))}" data-classes="${h(classes.join(' '))}" data-rules="${h(s.rules.join(' '))}" data-families="${h(families.join(' '))}">
<summary>${badge(s.verdict)} <strong>${h(s.id)}</strong> <span>${h(s.title)}</span> ${s.rules.map((r) => `<span class="tag">${h(r)}</span>`).join('')}</summary>
<div>
<p class="meta">${h(s.file)} · seed ${s.seed}${s.tags.length ? ` · tags ${h(s.tags.join(', '))}` : ''} · reproduce: <code>npx synclab run ${h(s.file)} --seed ${s.seed}</code></p>
${s.error ? `<p class="banner bad" role="alert">Could not run: ${h(s.error)}</p>` : ''}
${renderExpectations(s.expectations)}
<h3>Timeline${s.zone ? ` <span class="msg">(times in ${h(s.zone)})</span>` : ''}</h3>${renderTimeline(s.timeline, s.zone)}
${renderCycles(s)}
${renderDiffs(s.diffs)}${s.diffsOmitted ? `<p class="msg">… and ${s.diffsOmitted} more changes, not listed</p>` : ''}
</div></details>`;
}

function renderExpectations(list: ExpectationResult[]): string {
  if (!list.length) return '<p>No expectations ran.</p>';
  const rows = list.map((e) => `<tr data-verdict="${h(e.verdict)}" data-class="${h(e.classification ?? '')}">
<td>${badge(e.verdict)}${e.classification === 'known-failure' ? ' <span class="badge known">known</span>' : e.classification === 'fixed' ? ' <span class="badge v-PASS">fixed</span>' : ''}</td>
<td>${h(e.name)}<br><code class="msg">${h(e.id.slice(e.id.indexOf('#')))}</code></td><td>${e.rules.map((r) => `<code>${h(r)}</code>`).join(' ')}</td>
<td>${e.message ? `<div>${h(e.message)}</div>` : ''}${e.known ? `<div class="msg">known: ${h(e.known.reason)}${e.known.issue ? ` (${h(e.known.issue)})` : ''}</div>` : ''}${e.expected !== undefined ? `<pre>expected ${h(describeValue(e.expected))}\nactual   ${h(describeValue(e.actual))}</pre>` : ''}</td></tr>`);
  return `<h3>Expectations</h3><table class="expectations"><thead><tr><th scope="col">Verdict</th><th scope="col">Expectation</th><th scope="col">Rules</th><th scope="col">Details</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function renderTimeline(entries: TimelineEntry[], zone?: string): string {
  if (!entries.length) return '<p>No timeline recorded.</p>';
  const items = entries.map((t) => {
    const counts = t.requests ? ` <span class="msg">requests EX ${t.requests.exchange} / SF ${t.requests.salesforce} · writes EX ${t.writes?.exchange ?? 0} / SF ${t.writes?.salesforce ?? 0}</span>` : '';
    return `<li class="t-${h(t.kind)}" data-kind="${h(t.kind)}"><time datetime="${h(new Date(t.at).toISOString())}" title="${h(instant(t.at))}">${h(localInstant(t.at, zone))}</time><strong>${h(t.kind)}</strong>${t.org ? ` <span class="tag">${h(t.org)}</span>` : ''} ${h(t.label)}${t.verdict ? ` ${badge(t.verdict)}` : ''}${counts}${t.detail ? `<pre>${h(t.detail)}</pre>` : ''}</li>`;
  });
  return `<ol class="timeline" data-testid="timeline">${items.join('\n')}</ol>`;
}

function renderCycles(s: ScenarioResult): string {
  if (!s.cycles.length) return '';
  const rows = s.cycles.map((c) => `<tr><td>${h(c.org)} #${c.n}</td><td><time>${h(instant(c.startedAt))}</time></td><td class="num">${c.requests.exchange}</td><td class="num">${c.requests.salesforce}</td><td class="num">${c.writes.exchange}</td><td class="num">${c.writes.salesforce}</td><td class="num">${c.findings}</td><td>${c.errors.map((e) => `${h(e.code)}: ${h(e.message)}`).join('<br>')}${c.faults.length ? `<div class="msg">faults: ${h(c.faults.join(', '))}</div>` : ''}</td></tr>`);
  return `<h3>Cycles</h3><table><thead><tr><th scope="col">Cycle</th><th scope="col">Start</th><th scope="col">EX req</th><th scope="col">SF req</th><th scope="col">EX writes</th><th scope="col">SF writes</th><th scope="col">Findings</th><th scope="col">Errors</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderDiffs(diffs: StateDiff[]): string {
  if (!diffs.length) return '<h3>Final-state diff</h3><p>No changes between the initial world and the final state.</p>';
  const rows = diffs.map((d) => `<tr><td>${h(d.side)}</td><td>${h(d.scope)}</td><td>${h(d.object)}</td><td>${h(d.label)}</td><td>${h(d.change)}</td><td>${d.fields ? `<pre>${Object.entries(d.fields).map(([k, v]) => `${h(k)}: ${fieldChange(v)}`).join('\n')}</pre>` : ''}</td></tr>`);
  return `<h3>Final-state diff</h3><table><thead><tr><th scope="col">Side</th><th scope="col">Where</th><th scope="col">Object</th><th scope="col">Item</th><th scope="col">Change</th><th scope="col">Fields</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** `"a" → "b"`, or just the value for an added / removed field. */
function fieldChange(v: { before?: unknown; after?: unknown }): string {
  if (v.before === undefined) return h(describeValue(v.after, 120));
  if (v.after === undefined) return `${h(describeValue(v.before, 120))} → (removed)`;
  return `${h(describeValue(v.before, 120))} → ${h(describeValue(v.after, 120))}`;
}
