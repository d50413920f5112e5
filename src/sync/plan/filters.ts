/**
 * CFG-06: which SF contacts may sync SF→EX. "Selected Contacts" + "User's Records" = contacts the rep owns;
 * "Selected Contacts" alone is the documented misconfiguration under which no contact syncs; "All Contacts" = every
 * contact the rep can see (I/O reads only those). Field filters narrow further; SOQL-like, case-insensitive.
 * Contact filters never apply EX→SF.
 */
import type { EffectiveConfig, SfContact } from '../model.ts';

export type ContactFilterVerdict = { ok: true } | { ok: false; reason: string };

export function contactPassesFilters(record: SfContact, contacts: EffectiveConfig['contacts'], repUserId: string): ContactFilterVerdict {
  if (contacts.filter === 'selected-only') {
    return { ok: false, reason: '"Selected Contacts" is chosen without "User\'s Records": no contact syncs to Exchange (CFG-06). Choose both, or All Contacts.' };
  }
  if (contacts.filter === 'selected-users-records' && record.OwnerId !== repUserId) {
    return { ok: false, reason: 'not owned by the rep (filter: Selected Contacts + User\'s Records)' };
  }
  for (const f of contacts.fieldFilters) {
    const raw = f.field === 'Account.Name' || f.field === 'AccountName'
      ? record.AccountName
      : (record.fields as Record<string, string | null | undefined>)[f.field];
    const value = (raw ?? '').toLowerCase();
    const wanted = f.value.toLowerCase();
    const pass = f.operator === 'equals' ? value === wanted
      : f.operator === 'not-equals' ? value !== wanted
        : f.operator === 'contains' ? value.includes(wanted)
          : value.startsWith(wanted);
    if (!pass) return { ok: false, reason: `field filter ${f.field} ${f.operator} "${f.value}" excludes it` };
  }
  return { ok: true };
}
