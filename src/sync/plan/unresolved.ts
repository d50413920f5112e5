/**
 * CON-05: an EX CompanyName with no SF Account of that name. The contact is created (or updated) without an account
 * and an unresolved item is recorded. At a later cycle: the account exists now → link it; the rep linked an account
 * by hand → done; still unresolved and syncing both ways → the company is removed from the EX contact
 * ("if reps don't resolve unmatched contacts before the next sync cycle, Lightning Sync removes the company").
 */
import type { Pairing, SfContact } from '../model.ts';
import type { PlanBuilder } from './context.ts';
import { synced } from './writes.ts';

export function accountIdFor(b: PlanBuilder, name: string): string | undefined {
  return b.input.lookups.accountsByName[name.trim().toLowerCase()];
}

/** Record (or clear) the unresolved state of one EX contact after a write that set its company. */
export function noteCompany(b: PlanBuilder, exId: string, sfId: string | undefined, company: string | null): void {
  const existing = b.unresolved.find((u) => u.exId === exId);
  if (company === null || accountIdFor(b, company)) {
    if (existing) { b.unresolved = b.unresolved.filter((u) => u !== existing); b.unresolvedChanged = true; }
    return;
  }
  if (existing?.companyName === company) return;
  b.unresolved = [...b.unresolved.filter((u) => u !== existing),
    { exId, ...(sfId ? { sfId } : {}), companyName: company, since: b.input.now, cycles: 0 }];
  b.unresolvedChanged = true;
  b.find('unresolved-account', 'CON-05',
    `No Salesforce account is named "${company}": the contact syncs without an account. Create the account or link one by hand${b.input.config.contacts.direction === 'both' ? ' before the next cycle, or the company is removed from the Exchange contact' : ''}.`,
    { object: 'Contact', exId, ...(sfId ? { sfId } : {}), field: 'Account.Name', after: company });
}

export function companyOf(b: PlanBuilder, exId: string): string | undefined {
  return b.unresolved.find((u) => u.exId === exId)?.companyName;
}

/** Entries from earlier cycles whose pair had no other action this cycle. */
export function planUnresolved(b: PlanBuilder, pairingsByEx: Map<string, Pairing>, sfUpserts: Map<string, SfContact>, touched: Set<string>): void {
  const direction = b.input.config.contacts.direction;
  const keep = [];
  for (const entry of b.input.state.unresolved) {
    const current = b.unresolved.find((u) => u.exId === entry.exId);
    if (current !== entry) continue; // replaced or cleared by this cycle's writes
    const p = pairingsByEx.get(entry.exId);
    if (!p || p.orphaned) { b.unresolvedChanged = true; continue; } // no longer synced: nothing to resolve
    const key = `${p.sfId}|${p.exId}`;
    const sfRecord = sfUpserts.get(p.sfId);
    if (sfRecord?.AccountId) { b.unresolvedChanged = true; continue; } // the rep linked an account
    if (touched.has(key)) { keep.push({ ...entry, cycles: entry.cycles + 1 }); continue; }
    const accountId = accountIdFor(b, entry.companyName);
    const ids = { sfId: p.sfId, exId: p.exId };
    if (accountId) {
      b.act({ type: 'update-sf-contact', rule: 'CON-05', ...ids, set: { AccountId: accountId }, synced: synced(p.synced) },
        { kind: 'update', side: 'salesforce', object: 'Contact', ...ids, fields: { AccountId: { before: null, after: accountId } }, reason: `account "${entry.companyName}" now exists` });
      b.unresolvedChanged = true;
    } else if (direction === 'both') {
      const values = { ...p.synced, 'Account.Name': null };
      b.act({ type: 'update-ex-contact', rule: 'CON-05', ...ids, changeKey: p.exChangeKey, set: { CompanyName: null }, synced: synced(values) },
        { kind: 'update', side: 'exchange', object: 'Contact', ...ids, fields: { CompanyName: { before: entry.companyName, after: null } }, reason: 'unresolved account: company removed at the next cycle' });
      b.find('company-removed', 'CON-05',
        `"${entry.companyName}" was not resolved to a Salesforce account before the next cycle: the company was removed from the Exchange contact`,
        { object: 'Contact', ...ids, field: 'CompanyName', before: entry.companyName, after: null });
      b.unresolvedChanged = true;
    } else {
      keep.push({ ...entry, cycles: entry.cycles + 1 });
      b.unresolvedChanged = true;
    }
  }
  const fresh = b.unresolved.filter((u) => !b.input.state.unresolved.includes(u));
  b.unresolved = [...keep, ...fresh];
}
