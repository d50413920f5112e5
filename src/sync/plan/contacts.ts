/**
 * The contact adapter: CON-02 folder, CFG-06 filters, CON-04 match keys, CON-05 accounts, CON-07 cap, CON-08 mapping.
 * Contacts are never deleted by the engine (CON-06): there is no deletePartner.
 */
import type { PlannedAction } from '../api.ts';
import {
  contactValuesFromEx, contactValuesFromSf, contactValuesToEx, contactValuesToSf,
} from '../mapping/contact-mapping.ts';
import type { MappedValues } from '../mapping/hash.ts';
import type { ExContact, SfContact } from '../model.ts';
import type { ObjectAdapter, Skip, UpdateRequest } from './adapter.ts';
import type { PlanBuilder } from './context.ts';
import { contactPassesFilters } from './filters.ts';
import { keyPart } from './matching.ts';
import { accountIdFor, companyOf, noteCompany } from './unresolved.ts';
import { synced, withoutNulls } from './writes.ts';

/** CON-07. */
export const MAX_CONTACTS_PER_REP = 50_000;

export const SALESFORCE_SYNC_FOLDER = 'Salesforce_Sync';

export function contactAdapter(b: PlanBuilder, pairedCount: number): ObjectAdapter<SfContact, ExContact> {
  const { config, rep } = b.input;
  const mapping = config.contacts.mapping;
  let syncing = pairedCount;
  let capReported = false;
  const accountFor = (name: string) => accountIdFor(b, name);
  const nameKey = (v: MappedValues) => v.LastName === null || v.LastName === undefined ? [] :
    [`n:${keyPart(v.FirstName)}|${keyPart(v.LastName)}|${keyPart(v['Account.Name'])}`];
  const fieldsOf = (keys: string[], before: MappedValues, after: MappedValues): PlannedAction['fields'] =>
    Object.fromEntries(keys.map((k) => [k, { before: before[k] ?? null, after: after[k] ?? null }]));

  return {
    object: 'Contact',
    direction: config.contacts.direction,
    rules: { match: 'CON-04', createEx: 'CON-03', createSf: 'CON-02', update: 'CON-08', delete: 'CON-06' },
    sfId: (c) => c.Id,
    exId: (c) => c.itemId,
    sfModified: (c) => c.SystemModstamp,
    exModified: (c) => c.lastModified,
    exChangeKey: (c) => c.changeKey,
    sfValues: (c, pairing) => contactValuesFromSf(c, mapping, pairing ? companyOf(b, pairing.exId) : undefined),
    exValues: (c) => contactValuesFromEx(c, mapping),
    sfMatchKeys: (c, v) => [...(c.fields.Email ? [`e:${keyPart(c.fields.Email)}`] : []), ...nameKey(v)],
    exMatchKeys: (c, v) => [
      ...(['EmailAddress1', 'EmailAddress2', 'EmailAddress3'] as const)
        .map((p) => c.fields[p]).filter((e): e is string => !!e && e.trim() !== '').map((e) => `e:${keyPart(e)}`),
      ...nameKey(v),
    ],
    sfSkip: (c) => {
      const verdict = contactPassesFilters(c, config.contacts, rep.userId);
      return verdict.ok ? null : { rule: 'CFG-06', reason: verdict.reason };
    },
    exSkip: (c) => c.folder === SALESFORCE_SYNC_FOLDER ? null
      : { rule: 'CON-02', reason: `in folder "${c.folder}", not Salesforce_Sync: only contacts inside Salesforce_Sync sync` },
    exPoolable: (c) => c.folder === SALESFORCE_SYNC_FOLDER,
    overwriteRule: () => 'G-03',
    capSkip: (): Skip | null => {
      if (syncing < MAX_CONTACTS_PER_REP) { syncing += 1; return null; }
      if (!capReported) {
        capReported = true;
        b.find('contact-cap', 'CON-07', `${rep.username} already syncs ${MAX_CONTACTS_PER_REP.toLocaleString('en-US')} contacts; further contacts wait until one stops syncing`, { object: 'Contact' });
      }
      return { rule: 'CON-07', reason: `the rep already syncs ${MAX_CONTACTS_PER_REP} contacts (cap)` };
    },
    createEx(c, values, rule, reason) {
      const fields = withoutNulls(contactValuesToEx(values, mapping));
      b.act({ type: 'create-ex-contact', rule, sfId: c.Id, fields, stamp: { orgId: b.input.org.orgId, recordId: c.Id }, synced: synced(values) },
        { kind: 'create', side: 'exchange', object: 'Contact', sfId: c.Id, fields: fieldsOf(Object.keys(values), {}, values), reason });
    },
    createSf(c, values, rule, reason) {
      const record = { ...withoutNulls(contactValuesToSf(values, mapping, accountFor)), OwnerId: rep.userId };
      b.act({ type: 'create-sf-contact', rule, exId: c.itemId, record, synced: synced(values) },
        { kind: 'create', side: 'salesforce', object: 'Contact', exId: c.itemId, fields: fieldsOf(Object.keys(values), {}, values), reason });
      const company = values['Account.Name'];
      if ('Account.Name' in mapping) noteCompany(b, c.itemId, undefined, typeof company === 'string' ? company : null);
    },
    updateEx(r: UpdateRequest) {
      const { sfId, exId } = r.pairing;
      b.act({ type: 'update-ex-contact', rule: r.rule, sfId, exId, changeKey: r.changeKey, set: contactValuesToEx(r.values, mapping, r.keys), synced: r.synced },
        { kind: 'update', side: 'exchange', object: 'Contact', sfId, exId, fields: fieldsOf(r.keys, r.before, r.values) });
    },
    updateSf(r: UpdateRequest) {
      const { sfId, exId } = r.pairing;
      b.act({ type: 'update-sf-contact', rule: r.rule, exId, sfId, set: contactValuesToSf(r.values, mapping, accountFor, r.keys), synced: r.synced },
        { kind: 'update', side: 'salesforce', object: 'Contact', sfId, exId, fields: fieldsOf(r.keys, r.before, r.values) });
      if (r.keys.includes('Account.Name')) {
        const company = r.values['Account.Name'];
        noteCompany(b, exId, sfId, typeof company === 'string' ? company : null);
      }
    },
  };
}
