/**
 * A configuration's field-mapping overrides applied to the defaults (CON-08, EVT-12), with the CFG-05 checks: the
 * matching fields are locked, custom fields cannot be mapped, and every target must be a property the other side has.
 * Problems are returned as sentences that name the field and say what to do, never thrown one at a time, so an admin
 * sees every mistake in a configuration at once.
 */
import {
  DEFAULT_CONTACT_MAPPING, EX_CONTACT_PROPERTIES, LOCKED_CONTACT_FIELDS, exContactPropertyKind, isSfContactField,
  sfContactFieldKind, type ExContactProperty,
} from './contact-mapping.ts';
import { DEFAULT_EVENT_MAPPING, EVENT_TEXT_FIELDS, EX_EVENT_TEXT_PROPERTIES, LOCKED_EVENT_FIELDS } from './event-mapping.ts';

export type MappingOverrides = Record<string, string | null>;

export interface ResolvedMapping {
  /** SF field → EX property. */
  mapping: Record<string, string>;
  problems: string[];
}

const CUSTOM_FIELD = /__c$/i;

export function resolveContactMapping(overrides: MappingOverrides | null | undefined): ResolvedMapping {
  const mapping: Record<string, string> = { ...DEFAULT_CONTACT_MAPPING };
  const problems: string[] = [];
  for (const [field, target] of Object.entries(overrides ?? {})) {
    if (CUSTOM_FIELD.test(field)) {
      problems.push(`Contact field "${field}" is a custom field; Lightning Sync cannot map custom fields (CFG-05). Remove it from the contact field mapping.`);
      continue;
    }
    if (!isSfContactField(field)) {
      problems.push(`"${field}" is not a contact field Lightning Sync maps (CON-08). Mappable fields: ${Object.keys(DEFAULT_CONTACT_MAPPING).join(', ')}.`);
      continue;
    }
    if ((LOCKED_CONTACT_FIELDS as readonly string[]).includes(field)) {
      if (target !== DEFAULT_CONTACT_MAPPING[field]) {
        problems.push(`Contact field "${field}" is used for matching and is locked to ${DEFAULT_CONTACT_MAPPING[field]} (CFG-05). Remove "${field}" from the mapping overrides.`);
      }
      continue;
    }
    if (target === null) { delete mapping[field]; continue; }
    if (!(EX_CONTACT_PROPERTIES as readonly string[]).includes(target)) {
      problems.push(`Contact field "${field}" is mapped to "${target}", which is not an Exchange contact property. Use one of: ${EX_CONTACT_PROPERTIES.join(', ')}.`);
      continue;
    }
    const property = target as ExContactProperty;
    if (exContactPropertyKind(property) !== sfContactFieldKind(field) && exContactPropertyKind(property) !== 'text' && sfContactFieldKind(field) !== 'text') {
      problems.push(`Contact field "${field}" (${sfContactFieldKind(field)}) cannot be mapped to "${target}" (${exContactPropertyKind(property)}): the kinds differ. Pick a property of the same kind.`);
      continue;
    }
    mapping[field] = target;
  }
  problems.push(...duplicateTargets(mapping, 'contact'));
  return { mapping, problems };
}

export function resolveEventMapping(overrides: MappingOverrides | null | undefined): ResolvedMapping {
  const mapping: Record<string, string> = { ...DEFAULT_EVENT_MAPPING };
  const problems: string[] = [];
  for (const [field, target] of Object.entries(overrides ?? {})) {
    if (CUSTOM_FIELD.test(field)) {
      problems.push(`Event field "${field}" is a custom field; Lightning Sync cannot map custom fields (CFG-05). Remove it from the event field mapping.`);
      continue;
    }
    if (!Object.hasOwn(DEFAULT_EVENT_MAPPING, field)) {
      problems.push(`"${field}" is not an event field Lightning Sync maps (EVT-12). Mappable fields: ${Object.keys(DEFAULT_EVENT_MAPPING).join(', ')}.`);
      continue;
    }
    if (LOCKED_EVENT_FIELDS.includes(field)) {
      if (target !== DEFAULT_EVENT_MAPPING[field]) {
        problems.push(`Event field "${field}" is used for matching and is locked to ${DEFAULT_EVENT_MAPPING[field]} (CFG-05). Remove "${field}" from the mapping overrides.`);
      }
      continue;
    }
    if (target === null && field === 'IsPrivate') {
      problems.push('Event field "IsPrivate" cannot be unmapped: private events must stay private on both sides (EVT-02). Remove it from the mapping overrides.');
      continue;
    }
    if (target === null) { delete mapping[field]; continue; }
    if (target === DEFAULT_EVENT_MAPPING[field]) continue;
    if (!EVENT_TEXT_FIELDS.includes(field) || !EX_EVENT_TEXT_PROPERTIES.includes(target)) {
      problems.push(`Event field "${field}" cannot be mapped to "${target}": only Location and Description can be moved, and only to Location or Body; other fields can only be unmapped (null).`);
      continue;
    }
    mapping[field] = target;
  }
  problems.push(...duplicateTargets(mapping, 'event'));
  return { mapping, problems };
}

function duplicateTargets(mapping: Record<string, string>, object: string): string[] {
  const byTarget = new Map<string, string[]>();
  for (const [field, target] of Object.entries(mapping)) byTarget.set(target, [...(byTarget.get(target) ?? []), field]);
  return [...byTarget].filter(([, fields]) => fields.length > 1).map(([target, fields]) =>
    `The ${object} fields ${fields.join(' and ')} are all mapped to "${target}"; each Exchange property can take one field. Unmap or remap all but one.`);
}
