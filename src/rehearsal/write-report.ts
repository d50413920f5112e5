/**
 * @module
 * Writes report.json, summary.md and index.html into the report directory, the conformance report's file names.
 * index.html is self-contained: inline CSS and a few lines of inline JS (the "only risks found" filter), no URL. Strings are escaped for HTML; secrets were scrubbed when the model was built.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { h } from '../report/html/escape.ts';
import type { RehearsalReport } from './report-model.ts';

export async function writeRehearsalReport(dir: string, report: RehearsalReport): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = { 'report.json': `${JSON.stringify(report, null, 2)}\n`, 'summary.md': renderMarkdown(report), 'index.html': renderHtml(report) };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return Object.keys(files).map((f) => path.join(dir, f));
}

const verdict = (r: RehearsalReport['risks'][number]) => (r.total > 0 ? 'found' : 'none');

export function renderMarkdown(r: RehearsalReport): string {
  const out = [`# Rollout rehearsal: ${r.input.file}`, '',
    `Seed ${r.input.seed} · ${r.input.days} day(s) · a cycle every ${r.input.intervalMinutes} min${r.input.dryRun ? ' · **dry run**' : ''} · ${r.population.reps} reps in ${r.population.orgs.join(', ')} · ${r.population.exchangeItems} Exchange and ${r.population.salesforceItems} Salesforce items`, '',
    '## Risks', '', '| Risk | Rules | Seeded | Initial sync | Whole rehearsal | Reps affected | Recommended fix |', '|---|---|---|---|---|---|---|'];
  for (const k of r.risks) out.push(`| ${k.title} | ${k.rules.join(', ')} | ${k.seeded ?? '-'} | ${k.initial} | ${k.total} | ${k.reps.length} | ${k.fix} |`);
  out.push('', '### Examples', '');
  for (const k of r.risks.filter((x) => x.examples.length)) out.push(`- **${k.title}**: ${k.examples.map((e) => `\`${e.replaceAll('`', "'")}\``).join('; ')}`);
  const i = r.initialSync;
  out.push('', '## Initial sync', '', `${i.exchangeRequests} EWS and ${i.salesforceRequests} Salesforce requests → predicted ${i.predictedSeconds} s at ${i.latencyModel.ewsRequestMs} ms per EWS and ${i.latencyModel.salesforceRequestMs} ms per Salesforce request (measured here on loopback: ${i.wallMs} ms).`,
    '', '## API requests per day', '', '| Org | Daily limit | Initial sync | Average day | Peak day | Peak share |', '|---|---|---|---|---|---|');
  for (const a of r.apiUse) out.push(`| ${a.org} | ${a.dailyLimit} | ${a.initialSync} | ${a.averageDay} | ${a.peakDay} | ${(a.peakShare * 100).toFixed(1)} % |`);
  out.push('', '## Rep status (STAT-03/04)', '', '| Org | Rep | Active config | Supported mailbox | Recognized | Email linked | Contacts in sync | Events in sync |', '|---|---|---|---|---|---|---|---|');
  for (const s of r.statuses) out.push(`| ${s.org} | ${s.rep} | ${s.AssignedToActiveConfig ?? ''} | ${s.MailboxSupportedVersion ?? ''} | ${s.RecognizedByServiceAccount ?? ''} | ${s.EmailLinked ?? ''} | ${s.ContactsInSync ?? ''} | ${s.EventsInSync ?? ''} |`);
  if (r.errors.length) {
    out.push('', '## Sync errors', '', '| Org | Rep | Code | Rule | Cycles |', '|---|---|---|---|---|');
    for (const e of r.errors) out.push(`| ${e.org} | ${e.rep ?? ''} | ${e.code} | ${e.rule ?? ''} | ${e.count} |`);
  }
  if (r.plan) {
    out.push('', '## Dry run: plan of the first cycle', '', '| Org | Rep | Action | Side | Object | Rule | Reason |', '|---|---|---|---|---|---|---|');
    for (const p of r.plan) out.push(`| ${p.org} | ${p.rep} | ${p.kind} | ${p.side} | ${p.object} | ${p.rule} | ${p.reason ?? ''} |`);
  }
  return `${out.join('\n')}\n`;
}

const CSS = 'body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}.found{background:#fde2e1}.none{background:#e3f6e5}h1{font-size:1.4rem}code{font-size:12px}';

export function renderHtml(r: RehearsalReport): string {
  const row = (cells: unknown[], cls = '') => `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`;
  const head = (cells: string[]) => `<tr>${cells.map((c) => `<th>${h(c)}</th>`).join('')}</tr>`;
  const risks = r.risks.map((k) => `<tr class="${verdict(k)}" data-risk="${h(k.id)}"><td>${h(k.title)}</td><td>${h(k.rules.join(', '))}</td><td>${h(k.seeded ?? '-')}</td><td data-count="initial">${k.initial}</td><td data-count="total">${k.total}</td><td>${h(k.reps.join(', '))}</td><td>${k.examples.map((e) => `<code>${h(e)}</code>`).join('<br>')}</td><td>${h(k.fix)}</td></tr>`).join('');
  const i = r.initialSync;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rollout rehearsal — ${h(r.input.file)}</title><style>${CSS}</style></head><body>
<h1>Rollout rehearsal: ${h(r.input.file)}</h1>
<p id="summary">Seed ${r.input.seed} · ${r.input.days} day(s) · cycle every ${r.input.intervalMinutes} min${r.input.dryRun ? ' · dry run' : ''} · ${r.population.reps} reps · orgs ${h(r.population.orgs.join(', '))}</p>
<h2>Risks</h2><label><input type="checkbox" id="only-found"> only risks found</label> <span id="risk-count">${r.risks.filter((k) => k.total > 0).length} of ${r.risks.length} risks found</span><table id="risks">${head(['Risk', 'Rules', 'Seeded', 'Initial sync', 'Whole rehearsal', 'Reps affected', 'Examples', 'Recommended fix'])}${risks}</table>
<h2>Initial sync</h2><p id="initial-sync">${i.exchangeRequests} EWS and ${i.salesforceRequests} Salesforce requests → predicted <strong>${i.predictedSeconds} s</strong> (${i.latencyModel.ewsRequestMs} ms per EWS request, ${i.latencyModel.salesforceRequestMs} ms per Salesforce request); measured on loopback: ${i.wallMs} ms.</p>
<h2>API requests per day</h2><table id="api-use">${head(['Org', 'Daily limit', 'Initial sync', 'Average day', 'Peak day', 'Peak share'])}${r.apiUse.map((a) => row([a.org, a.dailyLimit, a.initialSync, a.averageDay, a.peakDay, `${(a.peakShare * 100).toFixed(1)} %`], a.peakShare > 0.8 ? 'found' : '')).join('')}</table>
<h2>Rep status</h2><table id="statuses">${head(['Org', 'Rep', 'Active config', 'Supported mailbox', 'Recognized', 'Email linked', 'Contacts in sync', 'Events in sync'])}${r.statuses.map((s) => row([s.org, s.rep, s.AssignedToActiveConfig, s.MailboxSupportedVersion, s.RecognizedByServiceAccount, s.EmailLinked, s.ContactsInSync, s.EventsInSync])).join('')}</table>
${r.errors.length ? `<h2>Sync errors</h2><table id="errors">${head(['Org', 'Rep', 'Code', 'Rule', 'Cycles'])}${r.errors.map((e) => row([e.org, e.rep, e.code, e.rule, e.count])).join('')}</table>` : ''}
${r.plan ? `<h2>Dry run: plan of the first cycle</h2><table id="plan">${head(['Org', 'Rep', 'Action', 'Side', 'Object', 'Rule', 'Reason'])}${r.plan.map((p) => row([p.org, p.rep, p.kind, p.side, p.object, p.rule, p.reason])).join('')}</table>` : ''}
<script>document.getElementById('only-found').addEventListener('change',function(e){document.querySelectorAll('#risks tr.none').forEach(function(tr){tr.hidden=e.target.checked;});});</script>
</body></html>
`;
}
