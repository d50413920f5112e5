/**
 * @module
 * Maps a field path (['steps', 2, 'advance']) to a line:column in the YAML source, using the `yaml` package's
 * LineCounter. When the path does not exist (a required field is missing) it points at the closest existing parent,
 * which is where the user has to add it.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment } from './scenario-error.ts';

export interface Position {
  line: number;
  column: number;
}

export function positionOf(doc: Document, counter: LineCounter, path: readonly PathSegment[], opts: { key?: string } = {}): Position {
  let node: unknown = doc.contents;
  let best: Position = startOf(node, counter) ?? { line: 1, column: 1 };
  for (const segment of path) {
    const next = child(node, segment);
    if (next === undefined) break;
    node = next.value;
    best = startOf(next.key ?? next.value, counter) ?? best;
    const valueStart = startOf(next.value, counter);
    if (valueStart) best = valueStart;
  }
  if (opts.key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === opts.key);
    const at = pair ? startOf(pair.key, counter) : undefined;
    if (at) best = at;
  }
  return best;
}

function child(node: unknown, segment: PathSegment): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    return pair ? { key: pair.key, value: pair.value ?? pair.key } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function startOf(node: unknown, counter: LineCounter): Position | undefined {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return undefined;
  const { line, col } = counter.linePos(range[0]);
  return { line, column: col };
}
