/**
 * @module
 * Writes an item (or occurrence) as `<t:Contact>` / `<t:CalendarItem>` for a response shape: BaseShape IdOnly /
 * Default / AllProperties plus AdditionalProperties (FieldURI, IndexedFieldURI, ExtendedFieldURI). Elements come in
 * schema order; computed properties (ItemClass, DisplayName, IsRecurring, CalendarItemType, …) are derived here.
 */
import type { ExchangeStore } from '../store/store.ts';
import { escapeXml, tag, textTag } from '../soap/xml.ts';
import { convertBody, type RequestedBodyType } from './body-type.ts';
import { formatDateTime, type BodyValue, type MailboxValue } from './values.ts';
import { fieldsInOrder, type FieldDef } from './fields.ts';
import type { PropertyPath } from './property-path.ts';
import { addressAliasXml } from './address-aliases.ts';
import { deletedOccurrences, modifiedOccurrences, occurrenceStarts, occurrenceView, type ItemView } from './item-view.ts';

export type BaseShape = 'IdOnly' | 'Default' | 'AllProperties';

export interface ItemShape {
  base: BaseShape;
  /** ItemShape/BodyType; default Best (as stored). */
  bodyType?: RequestedBodyType;
  additional: PropertyPath[];
  /** 'find' views (FindItem, SyncFolderItems) leave out GetItem-only properties such as Body. */
  view: 'find' | 'get';
}

export function itemIdXml(view: Pick<ItemView, 'itemId' | 'changeKey'>): string {
  return tag('t:ItemId', { Id: view.itemId, ChangeKey: view.changeKey });
}

/** The value a field has on this view, computed ones included; undefined = not set. */
export function fieldValue(view: ItemView, name: string): unknown {
  const { item, props } = view;
  const mailbox = item.mailbox;
  switch (name) {
    case 'ItemClass':
      return item.kind === 'Contact' ? 'IPM.Contact' : 'IPM.Appointment';
    case 'DateTimeCreated':
      return item.created;
    case 'LastModifiedTime':
      return item.modified;
    case 'Sensitivity':
      return props['Sensitivity'] ?? 'Normal';
    case 'Importance':
      return props['Importance'] ?? 'Normal';
  }
  if (item.kind === 'Contact') {
    const given = (props['GivenName'] as string | undefined) ?? '';
    const sur = (props['Surname'] as string | undefined) ?? '';
    const display = (props['DisplayName'] as string | undefined) ?? ([given, sur].filter(Boolean).join(' ') || (props['CompanyName'] as string | undefined));
    if (name === 'DisplayName') return display;
    if (name === 'Subject') return props['Subject'] ?? display;
    if (name === 'FileAs') return props['FileAs'] ?? ([sur, given].filter(Boolean).join(', ') || display);
    return props[name];
  }
  const organizer = (props['Organizer'] as MailboxValue | undefined) ?? { address: mailbox };
  const attendees = ((props['RequiredAttendees'] as unknown[]) ?? []).length + ((props['OptionalAttendees'] as unknown[]) ?? []).length;
  switch (name) {
    case 'UID':
      return `040000008200E00074C5B7101A82E008${Buffer.from(item.uid).toString('hex').toUpperCase()}`;
    case 'OriginalStart':
      return view.originalStart;
    case 'IsAllDayEvent':
      return props['IsAllDayEvent'] ?? false;
    case 'LegacyFreeBusyStatus':
      return props['LegacyFreeBusyStatus'] ?? 'Busy';
    case 'IsMeeting':
      return attendees > 0 || organizer.address.toLowerCase() !== mailbox;
    case 'IsCancelled':
      return props['IsCancelled'] === true;
    case 'IsRecurring':
      return view.calendarItemType !== 'Single';
    case 'CalendarItemType':
      return view.calendarItemType;
    case 'MyResponseType':
      // An attendee copy delivered by the sim is unanswered until the rep responds (not modelled beyond that).
      return organizer.address.toLowerCase() === mailbox ? 'Organizer' : props['_meeting'] ? 'NoResponseReceived' : 'Accept';
    case 'Organizer':
      return organizer;
    case 'AppointmentSequenceNumber':
      return 0;
    case 'Recurrence':
      return view.calendarItemType === 'RecurringMaster' ? props['Recurrence'] : undefined;
  }
  return props[name];
}

/** FirstOccurrence / LastOccurrence / ModifiedOccurrences / DeletedOccurrences of a master. */
function seriesXml(view: ItemView, name: string): string {
  if (view.calendarItemType !== 'RecurringMaster') return '';
  const master = view.item;
  const occ = (start: number): string => {
    const v = occurrenceView(master, start);
    return `${itemIdXml(v)}${textTag('t:Start', formatDateTime(v.props['Start'] as number))}${textTag('t:End', formatDateTime(v.props['End'] as number))}${textTag('t:OriginalStart', formatDateTime(start))}`;
  };
  if (name === 'FirstOccurrence' || name === 'LastOccurrence') {
    const starts = occurrenceStarts(master);
    const pick = name === 'FirstOccurrence' ? starts[0] : starts[starts.length - 1];
    return pick === undefined ? '' : tag(`t:${name}`, {}, occ(pick));
  }
  if (name === 'ModifiedOccurrences') {
    const mods = modifiedOccurrences(master);
    return mods.length ? tag('t:ModifiedOccurrences', {}, mods.map((m) => tag('t:Occurrence', {}, occ(m.originalStart))).join('')) : '';
  }
  const deleted = deletedOccurrences(master);
  return deleted.length
    ? tag('t:DeletedOccurrences', {}, deleted.map((d) => tag('t:DeletedOccurrence', {}, textTag('t:Start', formatDateTime(d)))).join(''))
    : '';
}

const SERIES = new Set(['FirstOccurrence', 'LastOccurrence', 'ModifiedOccurrences', 'DeletedOccurrences']);

function wanted(def: FieldDef, shape: ItemShape): boolean {
  if (shape.additional.some((p) => p.kind === 'field' && p.uri === def.uri)) return true;
  if (shape.base === 'IdOnly') return false;
  if (shape.view === 'find' && def.getItemOnly) return false;
  return shape.base === 'AllProperties' || def.inDefault === true;
}

function fieldXml(view: ItemView, def: FieldDef, shape: ItemShape): string {
  if (SERIES.has(def.name)) return wanted(def, shape) ? seriesXml(view, def.name) : '';
  let value = wanted(def, shape) ? fieldValue(view, def.name) : undefined;
  if (def.name === 'Body' && value !== undefined) value = convertBody(value as BodyValue, shape.bodyType ?? 'Best');
  if (value === undefined) {
    // Only some entries of a dictionary asked for (IndexedFieldURI).
    const picks = shape.additional.filter((p) => p.kind === 'indexed' && p.container === def.name);
    const dict = view.props[def.name] as Record<string, unknown> | undefined;
    if (picks.length === 0 || !dict) return '';
    value = Object.fromEntries(Object.entries(dict).filter(([k]) => picks.some((p) => p.kind === 'indexed' && p.index === k)));
  }
  return def.codec.write(value, def.name);
}

function extendedXml(view: ItemView, shape: ItemShape): string {
  let out = '';
  for (const path of shape.additional) {
    if (path.kind !== 'extended') continue;
    const alias = addressAliasXml(path.uri, view.item.kind, view.props);
    if (alias !== undefined) {
      out += alias;
      continue;
    }
    const stored = view.item.extended.find((e) => e.key === path.key);
    if (!stored) continue;
    const uri = tag('t:ExtendedFieldURI', { ...stored.uri });
    const value = stored.values
      ? tag('t:Values', {}, stored.values.map((v) => tag('t:Value', {}, escapeXml(v))).join(''))
      : tag('t:Value', {}, escapeXml(stored.value ?? ''));
    out += tag('t:ExtendedProperty', {}, uri + value);
  }
  return out;
}

export function itemXml(store: ExchangeStore, view: ItemView, shape: ItemShape): string {
  const { item } = view;
  const element = item.kind === 'Contact' ? 't:Contact' : 't:CalendarItem';
  let inner = itemIdXml(view);
  const wantsParent = shape.base !== 'IdOnly' || shape.additional.some((p) => p.kind === 'field' && p.uri === 'item:ParentFolderId');
  if (wantsParent) {
    const folder = store.folderByUid(item.folderUid);
    inner += tag('t:ParentFolderId', { Id: folder.folderId, ChangeKey: folder.changeKey });
  }
  const { head, tail } = fieldsInOrder(item.kind);
  for (const def of head) inner += fieldXml(view, def, shape);
  inner += extendedXml(view, shape);
  for (const def of tail) inner += fieldXml(view, def, shape);
  return tag(element, {}, inner);
}
