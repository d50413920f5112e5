/**
 * @module
 * Field mappings between Salesforce and Exchange (CON-08, EVT-12): defaults, a configuration's overrides (CFG-05),
 * value conversions and the canonical mapped values + hash that pairing state keeps (G-02). Pure: no I/O.
 */

// Contacts
export {
  DEFAULT_CONTACT_MAPPING, LOCKED_CONTACT_FIELDS, EX_CONTACT_PROPERTIES,
  contactValuesFromSf, contactValuesFromEx, contactValuesToEx, contactValuesToSf, contactHash,
  type SfContactField, type ExContactProperty,
} from './contact-mapping.ts';

// Events
export {
  DEFAULT_EVENT_MAPPING, LOCKED_EVENT_FIELDS,
  eventValuesFromSf, eventValuesFromEx, eventValuesToEx, eventValuesToSf, eventHash,
  type EventMappingContext,
} from './event-mapping.ts';

// Overrides and validation
export { resolveContactMapping, resolveEventMapping, type MappingOverrides, type ResolvedMapping } from './overrides.ts';

// Conversions and utilities
export {
  freeBusyToShowAs, showAsToFreeBusy, isPrivateSensitivity, recurrencePattern, DEFAULT_PRIVATE_SENSITIVITIES,
} from './conversions.ts';
export { hashValues, changedKeys, stableStringify, type MappedValue, type MappedValues } from './hash.ts';
export { localDate, startOfLocalDay, addDays, firstDayOfPreviousMonth, offsetMs } from './time-zone.ts';
