/**
 * @module
 * ORDER BY. Each matching row is decorated once with its normalised sort keys (text case-insensitive, as Salesforce
 * sorts) and a sequence number, so ties keep source order and comparisons never re-read fields. With LIMIT, only
 * the best OFFSET+LIMIT rows are kept while streaming (memory O(k)) instead of sorting every match. Nulls go FIRST or LAST as asked, regardless of direction (defaults: ASC NULLS FIRST, DESC NULLS LAST).
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
  // Keys of the row being considered; copied only when the row is kept.
  const scratch: Decorated = { row: {}, keys: readers.map(() => null), seq: 0 };

  if (keep === undefined) {
    const all: Decorated[] = [];
    return {
      add: (row) => void all.push(decorate(row)),
      sorted: () => all.sort(compare).map((d) => d.row),
    };
  }
  // Bounded top-k: candidates collect in a buffer; when it holds `keep` plus a slack, it is sorted and cut back to
  // `keep`, and the worst row kept becomes the bar later rows must beat. Rows that do not beat it allocate nothing.
  // Input already in (or against) the sort order — common, rows are stored in creation order — makes each cut a
  // near-linear TimSort pass.
  const limit = keep;
  const slack = Math.max(limit, 1024);
  let buffer: Decorated[] = [];
  let bar: Decorated | undefined;
  const cut = () => {
    buffer.sort(compare);
    if (buffer.length > limit) buffer.length = limit;
    bar = buffer.length === limit ? buffer[limit - 1] : undefined;
  };
  return {
    add(row) {
      if (limit === 0) return;
      for (let i = 0; i < readers.length; i++) scratch.keys[i] = readers[i](row);
      scratch.seq = seq++;
      if (bar && compare(scratch, bar) >= 0) return;
      buffer.push({ row, keys: scratch.keys.slice(), seq: scratch.seq });
      if (buffer.length >= limit + slack) cut();
    },
    sorted() {
      cut();
      const rows = buffer.map((d) => d.row);
      buffer = [];
      return rows;
    },
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
