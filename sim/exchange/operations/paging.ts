/**
 * @module
 * IndexedPageItemView / IndexedPageFolderView paging: MaxEntriesReturned, Offset, BasePoint Beginning/End, and the
 * RootFolder attributes clients page with (IndexedPagingOffset, TotalItemsInView, IncludesLastItemInRange).
 */
import { StoreError } from '../store/store-error.ts';
import type { XmlElement } from '../soap/xml.ts';

/** EWSFindCountLimit of Exchange's default throttling policy: one Find response carries at most 1,000 entries. */
export const FIND_COUNT_LIMIT = 1000;

export interface Paging {
  apply<T>(all: T[]): { items: T[]; attrs: Record<string, string | number | boolean> };
}

export function readIndexedPaging(view: XmlElement | undefined, what: string): Paging {
  if (!view) {
    return {
      apply: (all) => ({
        items: all.slice(0, FIND_COUNT_LIMIT),
        attrs: { IndexedPagingOffset: Math.min(all.length, FIND_COUNT_LIMIT), TotalItemsInView: all.length, IncludesLastItemInRange: all.length <= FIND_COUNT_LIMIT },
      }),
    };
  }
  const maxText = view.attrs['MaxEntriesReturned'];
  const asked = maxText === undefined ? Number.POSITIVE_INFINITY : Number(maxText);
  const offset = Number(view.attrs['Offset'] ?? '0');
  const basePoint = view.attrs['BasePoint'] ?? 'Beginning';
  if (!(asked >= 1) || (maxText !== undefined && !Number.isInteger(asked))) {
    throw new StoreError('ErrorInvalidPagingMaxRows', `${what} MaxEntriesReturned must be a positive integer; got "${maxText}".`);
  }
  const max = Math.min(asked, FIND_COUNT_LIMIT);
  if (!Number.isInteger(offset) || offset < 0) throw new StoreError('ErrorInvalidOperation', `${what} Offset must be a non-negative integer; got "${view.attrs['Offset']}".`);
  if (basePoint !== 'Beginning' && basePoint !== 'End') throw new StoreError('ErrorInvalidOperation', `${what} BasePoint must be Beginning or End.`);
  return {
    apply<T>(all: T[]) {
      const total = all.length;
      let start: number;
      let end: number;
      if (basePoint === 'Beginning') {
        start = Math.min(offset, total);
        end = Math.min(start + max, total);
      } else {
        end = Math.max(total - offset, 0);
        start = Math.max(end - max, 0);
      }
      const includesLast = basePoint === 'Beginning' ? end >= total : start <= 0;
      const nextOffset = basePoint === 'Beginning' ? end : total - start;
      return {
        items: all.slice(start, end),
        attrs: { IndexedPagingOffset: nextOffset, TotalItemsInView: total, IncludesLastItemInRange: includesLast },
      };
    },
  };
}
