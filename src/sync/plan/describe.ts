/**
 * One line per planned action, for `--dry-run`, `synclab sync` output and logs: what, where, which record, which
 * rule, and the fields with before → after. Values are shown raw (JSON), never secrets (plans carry none).
 */
import type { PlannedAction } from '../api.ts';

const SIDE = { salesforce: 'Salesforce', exchange: 'Exchange' } as const;

export function formatPlannedAction(a: PlannedAction): string {
  const ids = [a.sfId ? `SF ${a.sfId}` : '', a.exId ? `EX ${shortId(a.exId)}` : ''].filter(Boolean).join(' ↔ ');
  const head = a.kind === 'pair' || a.kind === 'unpair'
    ? `${a.kind} ${a.object}`
    : a.kind === 'skip'
      ? `skip ${a.object} (not to ${SIDE[a.side]})`
      : `${a.kind} ${a.object} in ${SIDE[a.side]}`;
  const fields = a.fields && a.kind === 'update'
    ? ` {${Object.entries(a.fields).map(([k, v]) => ` ${k}: ${JSON.stringify(v.before ?? null)} → ${JSON.stringify(v.after)}`).join(',')} }`
    : '';
  return `${a.rep} · ${head}${ids ? ` ${ids}` : ''} [${a.rule}]${fields}${a.reason ? ` — ${a.reason}` : ''}`;
}

/** EWS ItemIds are ~150 characters; the tail tells them apart. */
function shortId(id: string): string {
  return id.length > 24 ? `…${id.slice(-16)}` : id;
}
