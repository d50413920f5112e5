/**
 * EVT-09: on an event's FIRST EX→SF sync (its create), relate it to the SF contacts whose emails attend — up to 50 —
 * or, when none match, to one lead. Never for private events; later attendee changes do not re-relate.
 */
import type { ExEvent, PlanInput } from '../model.ts';

export const MAX_RELATED_CONTACTS = 50;

export function autoRelate(item: ExEvent, input: PlanInput, isPrivate: boolean): { whoIds: string[] } | undefined {
  if (!input.config.events.autoRelate || isPrivate) return undefined;
  const own = input.rep.email.toLowerCase();
  const emails = [...item.attendees, ...(item.organizer ? [item.organizer] : [])]
    .map((e) => e.trim().toLowerCase()).filter((e) => e && e !== own);
  const unique = [...new Set(emails)];
  const contacts: string[] = [];
  for (const email of unique) {
    for (const id of input.lookups.contactsByEmail[email] ?? []) {
      if (contacts.length < MAX_RELATED_CONTACTS && !contacts.includes(id)) contacts.push(id);
    }
  }
  if (contacts.length) return { whoIds: contacts };
  for (const email of unique) {
    const lead = input.lookups.leadsByEmail[email]?.[0];
    if (lead) return { whoIds: [lead] };
  }
  return undefined;
}
