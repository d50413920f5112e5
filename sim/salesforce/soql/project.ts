/**
 * @module
 * SELECT list → output records in Salesforce REST shape: `attributes` first, then the selected fields in SELECT
 * order under their canonical names; fields reached through a relationship are nested under the relationship name
 * (`Account: { attributes, Name }`), `null` when the reference is empty. Several paths through the same relationship
 * share one nested object, and records that reference the same parent share that parent's object (records are
 * serialised, never mutated; this keeps a million-row result from allocating a million copies of 50 owners). Polymorphic parents carry `attributes.type` 'Name', as Salesforce's Name object does.
 * Datetimes are written as Salesforce writes them in JSON: '2026-03-02T08:00:00.000+0000'.
 */
import { errorAt } from './errors.ts';
import { canonicalIso } from './operand.ts';
import { TYPE_PSEUDO_FIELD, type ResolvedField, type RunContext } from './resolve.ts';
import type { FieldSchema } from './types.ts';
import { copyRow } from '../row.ts';

type Row = Record<string, unknown>;

interface LeafEntry {
  kind: 'leaf';
  key: string;
  read: (row: Row) => unknown;
  format: (v: unknown) => unknown;
}
interface RelationEntry {
  kind: 'relation';
  key: string;
  refField: string;
  polymorphic: boolean;
  child: ProjectionNode;
  /** Parent id → its projected object: children sharing a parent share one object (built once per query). */
  memo: Map<string, Record<string, unknown>>;
}
interface ProjectionNode {
  entries: Array<LeafEntry | RelationEntry>;
  keys: Map<string, LeafEntry | RelationEntry>;
}

export type Projector = (row: Row, objectName: string) => Record<string, unknown>;

export function buildProjector(fields: ResolvedField[], ctx: RunContext, apiVersion: string): Projector {
  const root = newNode();
  for (const f of fields) {
    let node = root;
    for (const hop of f.hops) {
      const k = hop.relationshipName.toLowerCase();
      let entry = node.keys.get(k);
      if (!entry || entry.kind !== 'relation') {
        entry = { kind: 'relation', key: hop.relationshipName, refField: hop.field.name, polymorphic: hop.polymorphic, child: newNode(), memo: new Map() };
        node.keys.set(k, entry);
        node.entries.push(entry);
      }
      node = entry.child;
    }
    const k = f.leaf.name.toLowerCase();
    if (node.keys.has(k)) throw errorAt(ctx.text, f.at, 'MALFORMED_QUERY', `duplicate field selected: ${f.leaf.name}`);
    const name = f.leaf.name;
    // The Type pseudo-field of a polymorphic parent is the parent's object name, read off the record's attributes.
    const read = f.leaf === TYPE_PSEUDO_FIELD
      ? (row: Row) => row[TYPE_MARKER] ?? null
      : (row: Row) => row[name];
    const entry: LeafEntry = { kind: 'leaf', key: name, read, format: formatterFor(f.leaf) };
    node.keys.set(k, entry);
    node.entries.push(entry);
  }
  const version = apiVersion.replace(/^v/i, '');
  const project = (node: ProjectionNode, row: Row, type: string, urlType: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {
      attributes: { type, url: `/services/data/v${version}/sobjects/${urlType}/${String(row.Id ?? '')}` },
    };
    for (const e of node.entries) {
      if (e.kind === 'leaf') {
        out[e.key] = e.format(e.read(row));
        continue;
      }
      const id = row[e.refField];
      if (typeof id !== 'string' || id === '') {
        out[e.key] = null;
        continue;
      }
      let projected = e.memo.get(id);
      if (projected === undefined) {
        const parent = ctx.parent(id);
        if (!parent) {
          out[e.key] = null;
          continue;
        }
        const parentRow = e.polymorphic ? copyRow(parent.row, { [TYPE_MARKER]: parent.objectName }) : parent.row;
        projected = project(e.child, parentRow, e.polymorphic ? 'Name' : parent.objectName, parent.objectName);
        e.memo.set(id, projected);
      }
      out[e.key] = projected;
    }
    return out;
  };
  return (row, objectName) => project(root, row, objectName, objectName);
}

/** Key under which a polymorphic parent's object name rides along to its Type leaf (never output). */
const TYPE_MARKER = '\u0000type';

function newNode(): ProjectionNode {
  return { entries: [], keys: new Map() };
}

function formatterFor(field: FieldSchema): (v: unknown) => unknown {
  switch (field.type) {
    case 'datetime':
      return (v) => {
        if (typeof v === 'string' && v.length === 28 && v.endsWith('+0000')) return v; // already REST form
        const key = canonicalIso(v);
        return key === null ? null : `${key}+0000`;
      };
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return (v) => (v === null || v === undefined || v === '' ? null : Number(v));
    case 'boolean':
      return (v) => (v === null || v === undefined ? false : v === true || v === 'true');
    default:
      return (v) => (v === undefined || v === '' ? null : v);
  }
}
