/**
 * @module
 * Field paths → readers. `Account.Owner.Email` on Contact becomes a chain of reference hops (AccountId, OwnerId)
 * ending in a leaf field, validated against the schema once per query (INVALID_FIELD with the path's position), then
 * read per row without further lookups. Parents come from `SoqlDataSource.byId`, memoised for the run because many
 * children share a parent. A polymorphic reference (several `referenceTo`, e.g. Event.What / Who / Owner) resolves by
 * the id: the leaf may be any field of any target, and `Type` names the target object, as on Salesforce's Name object.
 */
import type { FieldPath } from './ast.ts';
import { errorAt, noSuchColumn } from './errors.ts';
import { MAX_RELATIONSHIP_HOPS } from './limits.ts';
import type { FieldSchema, ObjectSchema, SoqlDataSource } from './types.ts';

export interface RunContext {
  readonly text: string;
  readonly source: SoqlDataSource;
  /** Parent by id, or null when the id names nothing visible. */
  parent(id: string): { objectName: string; row: Record<string, unknown> } | null;
}

export interface ResolvedField {
  /** Reference fields followed from the root row, in order. */
  readonly hops: readonly Hop[];
  /** The field read at the end (for a polymorphic hop: as found on the first target that has it). */
  readonly leaf: FieldSchema;
  readonly at: number;
  /** Raw value from a root row (null when missing or a parent is missing). */
  read(row: Record<string, unknown>): unknown;
}

export interface Hop {
  /** The reference field, e.g. AccountId. */
  field: FieldSchema;
  /** Canonical relationship name, e.g. Account — the key in output records. */
  relationshipName: string;
  polymorphic: boolean;
  /** Schemas this hop may land on. */
  targets: ObjectSchema[];
}

const fieldMaps = new WeakMap<ObjectSchema, Map<string, FieldSchema>>();
const relationshipMaps = new WeakMap<ObjectSchema, Map<string, FieldSchema>>();

export function fieldOf(schema: ObjectSchema, name: string): FieldSchema | undefined {
  let map = fieldMaps.get(schema);
  if (!map) {
    map = new Map(schema.fields.map((f) => [f.name.toLowerCase(), f]));
    fieldMaps.set(schema, map);
  }
  return map.get(name.toLowerCase());
}

function relationshipOf(schema: ObjectSchema, name: string): FieldSchema | undefined {
  let map = relationshipMaps.get(schema);
  if (!map) {
    map = new Map();
    for (const f of schema.fields) if (f.relationshipName) map.set(f.relationshipName.toLowerCase(), f);
    relationshipMaps.set(schema, map);
  }
  return map.get(name.toLowerCase());
}

/** `What.Type` / `Who.Type`: the object a polymorphic reference points at. */
export const TYPE_PSEUDO_FIELD: FieldSchema = { name: 'Type', type: 'picklist', filterable: true, sortable: true };

export function resolveField(path: FieldPath, root: ObjectSchema, ctx: RunContext): ResolvedField {
  const hops: Hop[] = [];
  let targets: ObjectSchema[] = [root];
  if (path.parts.length - 1 > MAX_RELATIONSHIP_HOPS) {
    throw errorAt(
      ctx.text, path.at, 'MALFORMED_QUERY',
      `${path.parts.join('.')}: SOQL statements cannot query more than ${MAX_RELATIONSHIP_HOPS} levels of relationships`,
    );
  }
  for (let i = 0; i < path.parts.length - 1; i++) {
    const part = path.parts[i];
    if (hops.at(-1)?.polymorphic) throw didNotUnderstand(ctx.text, path.at, part);
    const field = relationshipOf(targets[0], part);
    if (!field || field.type !== 'reference') throw didNotUnderstand(ctx.text, path.at, part);
    const names = field.referenceTo ?? [];
    const next = names.map((n) => ctx.source.schema(n)).filter((s): s is ObjectSchema => s !== undefined);
    if (next.length === 0) throw didNotUnderstand(ctx.text, path.at, part);
    hops.push({ field, relationshipName: field.relationshipName ?? part, polymorphic: names.length > 1, targets: next });
    targets = next;
  }
  const leafName = path.parts[path.parts.length - 1];
  const last = hops.at(-1);
  let leaf: FieldSchema | undefined;
  // On the Name object, Type is always the target's object name — even if a target (Account) has its own Type field.
  if (last?.polymorphic && leafName.toLowerCase() === 'type') leaf = TYPE_PSEUDO_FIELD;
  for (const t of targets) {
    if (leaf) break;
    leaf = fieldOf(t, leafName);
  }
  if (!leaf) throw noSuchColumn(ctx.text, path.at, leafName, last?.polymorphic ? 'Name' : targets[0].name);
  return { hops, leaf, at: path.at, read: makeReader(hops, leaf, ctx) };
}

function makeReader(hops: Hop[], leaf: FieldSchema, ctx: RunContext): (row: Record<string, unknown>) => unknown {
  const name = leaf.name;
  if (hops.length === 0) return (row) => row[name] ?? null;
  const isType = leaf === TYPE_PSEUDO_FIELD;
  const refNames = hops.map((h) => h.field.name);
  return (row) => {
    let current = row;
    let objectName = '';
    for (const ref of refNames) {
      const id = current[ref];
      if (typeof id !== 'string' || id === '') return null;
      const parent = ctx.parent(id);
      if (!parent) return null;
      current = parent.row;
      objectName = parent.objectName;
    }
    return isType ? objectName : (current[name] ?? null);
  };
}

function didNotUnderstand(text: string, at: number, relationship: string) {
  return errorAt(
    text, at, 'INVALID_FIELD',
    `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom ` +
      `relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or ` +
      `the describe call for the appropriate names.`,
  );
}

/** A run context whose parent lookups are memoised for the run, keyed by the id as stored (no per-row slicing). */
export function createRunContext(text: string, source: SoqlDataSource): RunContext {
  const cache = new Map<string, { objectName: string; row: Record<string, unknown> } | null>();
  return {
    text,
    source,
    parent(id) {
      let hit = cache.get(id);
      if (hit === undefined) {
        hit = source.byId(id) ?? null;
        cache.set(id, hit);
      }
      return hit;
    },
  };
}
