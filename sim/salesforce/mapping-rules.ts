/**
 * @module
 * CFG-05 on LightningSyncConfig.ContactFieldMapping / EventFieldMapping (JSON objects of Salesforce field → Exchange
 * property, or null to unmap): the fields used for matching are locked to their default mapping (contact Email,
 * FirstName, LastName, Account.Name — CON-04/CON-08; event Subject, StartDateTime, EndDateTime, IsAllDayEvent —
 * EVT-08/EVT-12), and custom fields (`__c`) cannot be mapped. Violations are refused at save with
 * FIELD_INTEGRITY_EXCEPTION naming the field.
 */
import { SfError } from './errors.ts';
import type { Row } from './store.ts';

const LOCKED: Record<'ContactFieldMapping' | 'EventFieldMapping', Record<string, string>> = {
  ContactFieldMapping: { Email: 'EmailAddress1', FirstName: 'GivenName', LastName: 'Surname', 'Account.Name': 'CompanyName' },
  EventFieldMapping: { Subject: 'Subject', StartDateTime: 'Start', EndDateTime: 'End', IsAllDayEvent: 'IsAllDayEvent' },
};

export function checkFieldMappings(row: Row): void {
  for (const field of ['ContactFieldMapping', 'EventFieldMapping'] as const) {
    const text = row[field];
    if (text === null || text === undefined || text === '') continue;
    let mapping: unknown;
    try {
      mapping = JSON.parse(String(text));
    } catch {
      throw new SfError('FIELD_INTEGRITY_EXCEPTION', `${field}: must be a JSON object of Salesforce field → Exchange property (or null), e.g. {"Department":null}`, 400, [field]);
    }
    if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) {
      throw new SfError('FIELD_INTEGRITY_EXCEPTION', `${field}: must be a JSON object, e.g. {"Department":null}`, 400, [field]);
    }
    for (const [sfField, exProperty] of Object.entries(mapping as Record<string, unknown>)) {
      if (/__c$/i.test(sfField)) {
        throw new SfError('FIELD_INTEGRITY_EXCEPTION', `${field}: custom field ${sfField} cannot be mapped; Lightning Sync maps standard fields only (CFG-05)`, 400, [field]);
      }
      if (exProperty !== null && typeof exProperty !== 'string') {
        throw new SfError('FIELD_INTEGRITY_EXCEPTION', `${field}: ${sfField} must map to an Exchange property name or null`, 400, [field]);
      }
      const locked = LOCKED[field][sfField];
      if (locked !== undefined && exProperty !== locked) {
        throw new SfError(
          'FIELD_INTEGRITY_EXCEPTION',
          `${field}: ${sfField} is used for matching and is locked to ${locked}; it cannot be remapped or unmapped (CFG-05)`,
          400,
          [field],
        );
      }
    }
  }
}
