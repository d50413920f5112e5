/**
 * @module
 * Validation and conversion of date and datetime literal tokens (`2026-03-02`, `2026-03-02T08:00:00Z`,
 * `…+0000`, `…+01:00`, optional milliseconds).
 */
import { errorAt } from './errors.ts';
import type { Token } from './lexer.ts';

/** Returns the 'YYYY-MM-DD' text after checking it is a real calendar day. */
export function validateDateLiteral(text: string, t: Token): string {
  const [y, m, d] = t.text.split('-').map(Number);
  if (!isCalendarDay(y, m, d)) {
    throw errorAt(text, t.at, 'MALFORMED_QUERY', `invalid date: ${t.text}. Dates are written YYYY-MM-DD, e.g. 2026-03-02`);
  }
  return t.text;
}

/** Epoch ms of a datetime literal token. */
export function parseDatetimeLiteral(text: string, t: Token): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|([+-])(\d{2}):?(\d{2}))$/.exec(t.text);
  const bad = () =>
    errorAt(text, t.at, 'MALFORMED_QUERY', `invalid datetime: ${t.text}. Write e.g. 2026-03-02T08:00:00Z or 2026-03-02T08:00:00+0000`);
  if (!m) throw bad();
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (!isCalendarDay(y, mo, d) || h > 23 || mi > 59 || s > 59) throw bad();
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 14 || om > 59) throw bad();
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

function isCalendarDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
