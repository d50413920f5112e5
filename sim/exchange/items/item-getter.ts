/**
 * @module
 * Reads a property path's value off an item view, in the plain form restrictions compare against (Body → its text,
 * Organizer/attendees → SMTP addresses, indexed paths → one dictionary entry, extended → the stored value).
 */
import type { ItemView } from './item-view.ts';
import { fieldValue } from './item-xml.ts';
import type { PropertyPath } from './property-path.ts';
import { addressAliasPart, readAddressAlias } from './address-aliases.ts';
import type { AttendeeValue, BodyValue, MailboxValue, PhysicalAddressValue } from './values.ts';

export function pathValue(view: ItemView, path: PropertyPath): unknown {
  if (path.kind === 'extended') {
    const part = addressAliasPart(path.uri, view.item.kind);
    if (part) return readAddressAlias(view.props, part);
    const stored = view.item.extended.find((e) => e.key === path.key);
    if (!stored) return undefined;
    if (stored.values) return stored.values;
    if (path.type === 'Boolean') return stored.value === 'true';
    if (/^(Integer|Long|Short|Double|Float|Currency)$/.test(path.type)) return Number(stored.value);
    if (path.type === 'SystemTime') return Date.parse(stored.value ?? '');
    return stored.value;
  }
  if (path.kind === 'indexed') {
    const dict = view.props[path.container] as Record<string, unknown> | undefined;
    const entry = dict?.[path.index];
    return path.part ? (entry as PhysicalAddressValue | undefined)?.[path.part as keyof PhysicalAddressValue] : entry;
  }
  if (path.uri === 'item:ItemId') return view.itemId;
  if (path.uri === 'item:ParentFolderId') return undefined;
  if (!path.def || !path.def.kinds.includes(view.item.kind)) return undefined;
  const value = fieldValue(view, path.def.name);
  switch (path.def.name) {
    case 'Body':
      return (value as BodyValue | undefined)?.text;
    case 'Organizer':
      return (value as MailboxValue | undefined)?.address;
    case 'RequiredAttendees':
    case 'OptionalAttendees':
      return ((value as AttendeeValue[] | undefined) ?? []).map((a) => a.address);
    case 'EmailAddresses':
    case 'PhoneNumbers':
      return Object.values((value as Record<string, string> | undefined) ?? {});
    default:
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? JSON.stringify(value) : value;
  }
}
