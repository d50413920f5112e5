/**
 * @module
 * Identifiers that look like Exchange's (opaque base64, `AAMkA…` item ids) but are derived deterministically from
 * internal keys, so one seed gives one run byte for byte (G-08) and a snapshot restores the same ids.
 */

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** A mailbox-scoped hash so ids of two mailboxes never collide even for the same internal uid. */
function mailboxTag(mailbox: string): string {
  let h = 0x811c9dc5;
  for (const ch of mailbox.toLowerCase()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0).toString(36);
}

export function mintItemId(mailbox: string, uid: string, moves: number): string {
  return `AAMkA${b64(`${mailboxTag(mailbox)}\u0000item\u0000${uid}\u0000${moves}`)}`;
}

export function mintFolderId(mailbox: string, uid: string): string {
  return `AAMkA${b64(`${mailboxTag(mailbox)}\u0000folder\u0000${uid}`)}`;
}

/** Occurrence ids of a recurring series: master uid + original start, stable across requests (SIM-EX-04). */
export function mintOccurrenceId(mailbox: string, masterUid: string, originalStartMs: number): string {
  return `AAMkA${b64(`${mailboxTag(mailbox)}\u0000occ\u0000${masterUid}\u0000${originalStartMs}`)}`;
}

/** Reads back an occurrence id; undefined for anything else. */
export function parseOccurrenceId(id: string): { masterUid: string; originalStart: number } | undefined {
  if (!id.startsWith('AAMkA')) return undefined;
  let decoded: string;
  try {
    decoded = Buffer.from(id.slice(5), 'base64').toString('utf8');
  } catch {
    return undefined;
  }
  const parts = decoded.split('\u0000');
  if (parts.length !== 4 || parts[1] !== 'occ') return undefined;
  const start = Number(parts[3]);
  return Number.isFinite(start) ? { masterUid: parts[2]!, originalStart: start } : undefined;
}

/** ChangeKeys start like Exchange's per item class (contacts EQAAAB…, calendar DwAAAB…) and change with `version`. */
export function mintChangeKey(kind: 'Contact' | 'CalendarItem' | 'Folder', uid: string, version: number): string {
  const prefix = kind === 'Contact' ? 'EQAAABYA' : kind === 'CalendarItem' ? 'DwAAABYA' : 'AQAAABYA';
  return `${prefix}${b64(`${uid}.${version}`)}`;
}
