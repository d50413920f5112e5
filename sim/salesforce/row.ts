/**
 * @module
 * Sparse rows. A Contact or Event has ~190 fields and a typical record sets 20 of them; storing every null cost
 * ~1.5 KB per record (the rehearsal keeps 1.4 M). A row therefore holds only the fields set on it, and inherits
 * every other field's default (usually null) from one shared prototype per object type, so `row.Field` still reads
 * the same as on a dense row. Anything that copies a row must keep the prototype (`copyRow`), and anything handing a
 * row out of the sim gives a dense plain copy (`denseRow`).
 */
import type { ObjectSchema } from './schema/index.ts';
import type { Row } from './store.ts';

const prototypes = new Map<string, Row>();
/** The object type of each prototype, so a stored row tells its type without a wrapper object (store.ts). */
const typeByPrototype = new Map<object, string>();

/** The shared defaults of one object type: every field, at its default value or null. */
function defaultsOf(schema: ObjectSchema): Row {
  let proto = prototypes.get(schema.name);
  if (!proto) {
    proto = {};
    for (const f of schema.fields) proto[f.name] = f.defaultValue ?? null;
    prototypes.set(schema.name, proto);
    typeByPrototype.set(proto, schema.name);
  }
  return proto;
}

/** An empty row of `schema`: reads every field's default until set. */
export function newRow(schema: ObjectSchema): Row {
  return Object.create(defaultsOf(schema)) as Row;
}

/** A copy of `row` with `patch` applied, keeping the defaults it inherits. */
export function copyRow(row: Row, patch?: Row): Row {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(row) as object) as Row, row);
  return patch ? Object.assign(copy, patch) : copy;
}

/** Gives a row read back from a snapshot (own fields only) its type's defaults again. */
export function adoptRow(schema: ObjectSchema, row: Row): Row {
  if (Object.getPrototypeOf(row) === Object.prototype) Object.setPrototypeOf(row, defaultsOf(schema));
  return row;
}

/** A plain object with every field, inherited defaults included, for callers outside the sim. */
export function denseRow(row: Row): Row {
  const out: Row = {};
  // The schema's field order first (as dense rows always had it), then anything else set on the row.
  const proto = Object.getPrototypeOf(row) as Row | null;
  if (proto && proto !== Object.prototype) for (const key of Object.keys(proto)) out[key] = row[key];
  for (const key of Object.keys(row)) out[key] = row[key];
  return out;
}

/** The object type a row was made for (its defaults prototype), or undefined for a plain object. */
export function typeOfRow(row: Row): string | undefined {
  const proto = Object.getPrototypeOf(row) as object | null;
  return proto ? typeByPrototype.get(proto) : undefined;
}
