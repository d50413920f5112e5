/**
 * @module
 * FindItem: Shallow traversal of one or more folders with an optional Restriction and SortOrder, paged by
 * IndexedPageItemView, or a CalendarView that expands recurring series into occurrences and never returns masters
 * (SIM-EX-04). Items come in creation order unless a SortOrder says otherwise, so paging is stable.
 */
import { pathValue } from '../items/item-getter.ts';
import { occurrencesInWindow, viewOf, type ItemView } from '../items/item-view.ts';
import { itemXml } from '../items/item-xml.ts';
import { pathChild, readPropertyPath } from '../items/property-path.ts';
import { compileRestriction } from '../items/restriction.ts';
import { parseDateTime } from '../items/field-types.ts';
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { child, children, NS, tag, type XmlElement } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import type { StoredFolder } from '../store/types.ts';
import type { OperationContext, OperationHandler } from './context.ts';
import { folderIdElements, resolveFolder } from './folders.ts';
import { readItemShape } from './item-shape.ts';
import { batch } from './messages.ts';
import { FIND_COUNT_LIMIT, readIndexedPaging } from './paging.ts';

const SUPPORTED_CHILDREN = new Set(['ItemShape', 'IndexedPageItemView', 'CalendarView', 'Restriction', 'SortOrder', 'ParentFolderIds']);

export const findItem: OperationHandler = (op, ctx) => {
  const traversal = op.attrs['Traversal'] ?? 'Shallow';
  if (traversal !== 'Shallow') throw new EwsFault(notImplementedFault(`FindItem Traversal="${traversal}"`));
  for (const c of op.children) if (!SUPPORTED_CHILDREN.has(c.name)) throw new EwsFault(notImplementedFault(`FindItem/${c.name}`));
  const shape = readItemShape(op, 'find');
  const calendarView = child(op, NS.messages, 'CalendarView');
  const restrictionEl = child(op, NS.messages, 'Restriction');
  if (calendarView && (restrictionEl || child(op, NS.messages, 'SortOrder'))) {
    throw new StoreError('ErrorInvalidRestriction', 'A CalendarView cannot be combined with a Restriction or SortOrder; filter the returned occurrences instead.');
  }
  const predicate = restrictionEl ? compileRestriction(restrictionEl) : undefined;
  const sort = readSortOrder(child(op, NS.messages, 'SortOrder'));
  const out = batch('FindItem');
  for (const folderEl of folderIdElements(child(op, NS.messages, 'ParentFolderIds'))) {
    out.run(() => {
      const folder = resolveFolder(ctx, folderEl);
      if (calendarView) return calendarViewXml(ctx, folder, calendarView, shape);
      let views = ctx.store.itemsIn(folder.uid).map(viewOf);
      if (predicate) views = views.filter((v) => predicate((path) => pathValue(v, path)));
      if (sort) views = sort(views);
      const page = readIndexedPaging(child(op, NS.messages, 'IndexedPageItemView'), 'IndexedPageItemView').apply(views);
      return tag('m:RootFolder', page.attrs, `<t:Items>${page.items.map((v) => itemXml(ctx.store, v, shape)).join('')}</t:Items>`);
    });
  }
  return out.result(false);
};

function calendarViewXml(ctx: OperationContext, folder: StoredFolder, view: XmlElement, shape: ReturnType<typeof readItemShape>): string {
  if (folder.folderClass !== 'IPF.Appointment') throw new StoreError('ErrorInvalidOperation', 'A CalendarView can only be used on a calendar folder.');
  const from = parseDateTime(view.attrs['StartDate'] ?? '', 'CalendarView StartDate');
  const to = parseDateTime(view.attrs['EndDate'] ?? '', 'CalendarView EndDate');
  if (to < from) throw new StoreError('ErrorCalendarEndDateIsEarlierThanStartDate', 'The CalendarView EndDate is earlier than its StartDate.');
  const maxText = view.attrs['MaxEntriesReturned'];
  const asked = maxText === undefined ? Number.POSITIVE_INFINITY : Number(maxText);
  const max = Math.min(asked, FIND_COUNT_LIMIT);
  if (!(asked >= 1)) throw new StoreError('ErrorInvalidPagingMaxRows', `CalendarView MaxEntriesReturned must be a positive integer; got "${maxText}".`);
  const all: ItemView[] = [];
  for (const item of ctx.store.itemsIn(folder.uid)) {
    if (item.kind !== 'CalendarItem') continue;
    if (item.props['Recurrence']) all.push(...occurrencesInWindow(item, from, to));
    else if ((item.props['Start'] as number) < to && (item.props['End'] as number) > from) all.push(viewOf(item));
  }
  all.sort((a, b) => (a.props['Start'] as number) - (b.props['Start'] as number));
  const page = all.slice(0, max);
  return tag(
    'm:RootFolder',
    { TotalItemsInView: all.length, IncludesLastItemInRange: page.length === all.length },
    `<t:Items>${page.map((v) => itemXml(ctx.store, v, shape)).join('')}</t:Items>`,
  );
}

function readSortOrder(el: XmlElement | undefined): ((views: ItemView[]) => ItemView[]) | undefined {
  if (!el) return undefined;
  const orders = children(el, NS.types, 'FieldOrder').map((o) => {
    const p = pathChild(o);
    if (!p) throw new StoreError('ErrorInvalidRequest', 'FieldOrder needs a property.');
    return { path: readPropertyPath(p), desc: o.attrs['Order'] === 'Descending' };
  });
  return (views) =>
    [...views].sort((a, b) => {
      for (const o of orders) {
        const x = pathValue(a, o.path);
        const y = pathValue(b, o.path);
        const c = x === y ? 0 : x === undefined ? -1 : y === undefined ? 1 : (x as number | string) < (y as number | string) ? -1 : 1;
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
}
