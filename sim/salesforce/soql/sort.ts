/**
 * @module
 * ORDER BY. Each matching row is decorated once with its normalised sort keys (text case-insensitive, as Salesforce
 * sorts) and a sequence number, so ties keep source order and comparisons never re-read fields. With LIMIT, only
 * the best OFFSET+LIMIT rows are kept in a bounded heap while streaming (O(n log k), memory O(k)) instead of sorting
 * every match. Nulls go FIRST or LAST as asked, regardless of direction (defaults: ASC NULLS FIRST, DESC NULLS LAST).
 */
import type { OrderItem } from './ast.ts';
import { categoryOf, normaliserFor, type Normalised } from './operand.ts';
import type { ResolvedField } from './resolve.ts';

type Row = Record<string, unknown>;

interface Decorated {
  row: Row;
  keys: Normalised[];
  seq: number;
}

export interface SortKey {
  field: ResolvedField;
  order: OrderItem;
}

export interface SortCollector {
  add(row: Row): void;
  /** Rows in order (at most `keep` when bounded). */
  sorted(): Row[];
}

export function createSortCollector(sortKeys: SortKey[], keep?: number): SortCollector {
  const readers = sortKeys.map((k) => {
    const category = categoryOf(k.field.leaf.type);
    const normalise = category === 'text' ? collationKey : normaliserFor(category);
    const read = k.field.read;
    return (row: Row) => normalise(read(row));
  });
  const orders = sortKeys.map((k) => ({ desc: k.order.direction === 'DESC', nullsFirst: k.order.nulls === 'FIRST' }));
  const compare = (a: Decorated, b: Decorated): number => {
    for (let i = 0; i < orders.length; i++) {
      const x = a.keys[i];
      const y = b.keys[i];
      if (x === y) continue;
      const o = orders[i];
      if (x === null) return o.nullsFirst ? -1 : 1;
      if (y === null) return o.nullsFirst ? 1 : -1;
      const c = x < y ? -1 : 1;
      return o.desc ? -c : c;
    }
    return a.seq - b.seq;
  };
  let seq = 0;
  const decorate = (row: Row): Decorated => ({ row, keys: readers.map((r) => r(row)), seq: seq++ });
  // Reused for rows that most likely lose against a full heap, so rejected rows allocate nothing.
  const scratch: Decorated = { row: {}, keys: readers.map(() => null), seq: 0 };

  if (keep === undefined) {
    const all: Decorated[] = [];
    return {
      add: (row) => void all.push(decorate(row)),
      sorted: () => all.sort(compare).map((d) => d.row),
    };
  }
  // Max-heap on `compare`: the root is the worst row kept, evicted when a better one arrives.
  const heap: Decorated[] = [];
  return {
    add(row) {
      if (keep === 0) return;
      if (heap.length < keep) {
        heap.push(decorate(row));
        siftUp(heap, heap.length - 1, compare);
        return;
      }
      for (let i = 0; i < readers.length; i++) scratch.keys[i] = readers[i](row);
      scratch.seq = seq++;
      if (compare(scratch, heap[0]) < 0) {
        heap[0] = { row, keys: scratch.keys.slice(), seq: scratch.seq };
        siftDown(heap, 0, compare);
      }
    },
    sorted: () => heap.sort(compare).map((d) => d.row),
  };
}

/**
 * Text sort key approximating Salesforce's locale collation: case-insensitive and accent-insensitive at the primary
 * level (Özdemir sorts with O, not after Z). Plain ASCII skips the normalisation.
 */
function collationKey(v: unknown): Normalised {
  if (v === null || v === undefined || v === '') return null;
  const lower = String(v).toLowerCase();
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function siftUp(heap: Decorated[], i: number, compare: (a: Decorated, b: Decorated) => number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[i], heap[parent]) <= 0) return;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function siftDown(heap: Decorated[], i: number, compare: (a: Decorated, b: Decorated) => number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let worst = i;
    if (l < heap.length && compare(heap[l], heap[worst]) > 0) worst = l;
    if (r < heap.length && compare(heap[r], heap[worst]) > 0) worst = r;
    if (worst === i) return;
    [heap[i], heap[worst]] = [heap[worst], heap[i]];
    i = worst;
  }
}
