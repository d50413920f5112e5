/**
 * @module
 * Evaluates EWS Restrictions (FindItem, FindFolder) the way clients send them: IsEqualTo, IsNotEqualTo,
 * IsGreaterThan(OrEqualTo), IsLessThan(OrEqualTo), Contains, Exists, And, Or, Not. String comparisons ignore case,
 * as Exchange's do; times compare as instants. Anything else fails closed with a "not implemented" fault.
 */
import { EwsFault, notImplementedFault } from '../soap/fault.ts';
import { child, NS, type XmlElement } from '../soap/xml.ts';
import { StoreError } from '../store/store-error.ts';
import { pathChild, readPropertyPath, type PropertyPath } from './property-path.ts';

/** Reads the value of a path on the thing being filtered; undefined = not set. Arrays match if any element does. */
export type PathGetter = (path: PropertyPath) => unknown;

export type Predicate = (get: PathGetter) => boolean;

const COMPARISONS: Record<string, (c: number) => boolean> = {
  IsEqualTo: (c) => c === 0,
  IsNotEqualTo: (c) => c !== 0,
  IsGreaterThan: (c) => c > 0,
  IsGreaterThanOrEqualTo: (c) => c >= 0,
  IsLessThan: (c) => c < 0,
  IsLessThanOrEqualTo: (c) => c <= 0,
};

/** Compiles `<m:Restriction>`'s single child into a predicate. Throws on malformed or unsupported restrictions. */
export function compileRestriction(restriction: XmlElement): Predicate {
  const expr = restriction.children[0];
  if (!expr) throw new StoreError('ErrorInvalidRestriction', 'Restriction is empty.');
  return compile(expr);
}

function compile(el: XmlElement): Predicate {
  if (el.ns !== NS.types) throw new EwsFault(notImplementedFault(`restriction element {${el.ns}}${el.name}`));
  const compare = COMPARISONS[el.name];
  if (compare) {
    const path = requirePath(el);
    const operand = child(el, NS.types, 'FieldURIOrConstant');
    const constant = child(operand, NS.types, 'Constant')?.attrs['Value'];
    const otherPathEl = operand ? pathChild(operand) : undefined;
    const otherPath = otherPathEl ? readPropertyPath(otherPathEl) : undefined;
    if (constant === undefined && !otherPath) throw new StoreError('ErrorInvalidRestriction', `${el.name} needs FieldURIOrConstant with a Constant or a property.`);
    const negate = el.name === 'IsNotEqualTo';
    return (get) => {
      const right = otherPath ? get(otherPath) : constant;
      const values = asList(get(path));
      if (values.length === 0) return negate; // an unset property is "not equal" to anything, and matches nothing else
      const hit = values.some((v) => right !== undefined && compare(compareValues(v, right)));
      return negate ? values.every((v) => right === undefined || compare(compareValues(v, right))) : hit;
    };
  }
  switch (el.name) {
    case 'Exists': {
      const path = requirePath(el);
      return (get) => asList(get(path)).length > 0;
    }
    case 'Not': {
      const inner = el.children[0];
      if (!inner) throw new StoreError('ErrorInvalidRestriction', 'Not needs one expression.');
      const p = compile(inner);
      return (get) => !p(get);
    }
    case 'And':
    case 'Or': {
      const parts = el.children.map(compile);
      if (parts.length === 0) throw new StoreError('ErrorInvalidRestriction', `${el.name} needs at least one expression.`);
      return el.name === 'And' ? (get) => parts.every((p) => p(get)) : (get) => parts.some((p) => p(get));
    }
    case 'Contains': {
      const path = requirePath(el);
      const needle = child(el, NS.types, 'Constant')?.attrs['Value'];
      if (needle === undefined) throw new StoreError('ErrorInvalidRestriction', 'Contains needs a Constant.');
      const mode = el.attrs['ContainmentMode'] ?? 'Substring';
      const comparison = el.attrs['ContainmentComparison'] ?? 'IgnoreCase';
      const fold = (s: string): string => (/IgnoreCase|Loose/.test(comparison) ? s.toLowerCase() : s);
      const n = fold(needle);
      const test = (s: string): boolean => {
        const h = fold(s);
        switch (mode) {
          case 'FullString':
            return h === n;
          case 'Prefixed':
            return h.startsWith(n);
          case 'PrefixOnWords':
            return h.split(/\s+/).some((w) => w.startsWith(n));
          case 'ExactPhrase':
          case 'Substring':
            return h.includes(n);
          default:
            throw new StoreError('ErrorInvalidRestriction', `ContainmentMode "${mode}" is not valid.`);
        }
      };
      return (get) => asList(get(path)).some((v) => test(String(v)));
    }
    default:
      throw new EwsFault(notImplementedFault(`restriction ${el.name}`));
  }
}

function requirePath(el: XmlElement): PropertyPath {
  const p = pathChild(el);
  if (!p) throw new StoreError('ErrorInvalidRestriction', `${el.name} needs a FieldURI, IndexedFieldURI or ExtendedFieldURI.`);
  return readPropertyPath(p);
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Compares a stored value with a constant (always a string) or another stored value. */
function compareValues(left: unknown, right: unknown): number {
  if (typeof left === 'number') {
    const r = typeof right === 'number' ? right : toNumber(String(right));
    return Number.isNaN(r) ? Number.NaN : Math.sign(left - r);
  }
  if (typeof left === 'boolean') {
    const r = typeof right === 'boolean' ? right : String(right).toLowerCase() === 'true';
    return left === r ? 0 : left ? 1 : -1;
  }
  return String(left).toLowerCase().localeCompare(String(right).toLowerCase());
}

function toNumber(text: string): number {
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  const t = /[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`;
  return Date.parse(t);
}
