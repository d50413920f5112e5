/**
 * Value conversions between the two sides' vocabularies (CON-08, EVT-12). Every conversion normalizes to one
 * canonical form so that equal data hashes equally whichever side it was read from (G-02). Values stay RAW text:
 * `&`, `<`, `>` and quotes are data here; escaping for the wire is the I/O layer's job.
 */
import type { ExSensitivity } from '../model.ts';

/** Empty and whitespace-only text is "no value" on both sides. */
export function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.trim() === '' ? null : value;
}

/** Body/Description: line endings differ by client (CRLF from Outlook); trailing blank space is not content. */
export function longText(value: string | null | undefined): string | null {
  const normalized = value?.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return text(normalized);
}

/** Phones are kept as typed (reformatting would be a silent change, G-03); only surrounding blanks go. */
export function phone(value: string | null | undefined): string | null {
  return text(value?.trim());
}

/** SF Birthdate is a date; EX Birthday is a DateTime. Canonical: YYYY-MM-DD (the date part as written). */
export function birthDate(value: string | null | undefined): string | null {
  const t = text(value);
  if (t === null) return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(t);
  return match ? match[1] : t;
}

/** Instants: one ISO form (milliseconds, Z) whatever precision or offset the source used. */
export function instant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date-time: "${value}"`);
  return new Date(ms).toISOString();
}

/**
 * EX LegacyFreeBusyStatus → SF ShowAs. SF knows only Busy / Free / OutOfOffice: Tentative blocks time, so it is Busy;
 * WorkingElsewhere means available, so it is Free; NoData / absent is SF's default, Busy.
 */
export function freeBusyToShowAs(value: string | null | undefined): string {
  switch (value) {
    case 'Free':
    case 'WorkingElsewhere':
      return 'Free';
    case 'OOF':
      return 'OutOfOffice';
    default:
      return 'Busy';
  }
}

/** SF ShowAs → EX LegacyFreeBusyStatus. */
export function showAsToFreeBusy(value: string | null | undefined): string {
  switch (value) {
    case 'Free':
      return 'Free';
    case 'OutOfOffice':
      return 'OOF';
    default:
      return 'Busy';
  }
}

/** SF ShowAs in canonical form (null = SF's default, Busy). */
export function showAs(value: string | null | undefined): string {
  return value === 'Free' || value === 'OutOfOffice' ? value : 'Busy';
}

export const DEFAULT_PRIVATE_SENSITIVITIES: readonly ExSensitivity[] = ['Private'];

/** EVT-02: is this EX sensitivity private under the configured policy (docs/decisions/0003). */
export function isPrivateSensitivity(value: ExSensitivity, privateSensitivities: readonly ExSensitivity[]): boolean {
  return privateSensitivities.includes(value);
}

/**
 * Series patterns (EVT-06), canonical: no "RRULE:" prefix, parts upper-cased, FREQ first (some parsers insist) and the
 * other parts sorted — case and part order carry no meaning in RFC 5545.
 */
export function recurrencePattern(value: string | null | undefined): string | null {
  const t = text(value);
  if (t === null) return null;
  const parts = t.replace(/^RRULE:/i, '').trim().split(';').filter(Boolean).map((part) => part.trim().toUpperCase());
  const freq = parts.filter((p) => p.startsWith('FREQ='));
  return [...freq, ...parts.filter((p) => !p.startsWith('FREQ=')).sort()].join(';');
}

/** Salesforce stores Recurrence2PatternText as a full RFC 5545 line: "RRULE:FREQ=…". */
export function sfRecurrenceText(pattern: string | null): string | null {
  return pattern === null ? null : `RRULE:${pattern}`;
}
