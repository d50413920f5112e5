/**
 * @module
 * Turns zod issues into messages a scenario author can act on: unknown fields get the allowed names and a
 * "did you mean", a union that matched no branch is explained by its closest branch (or by listing the forms it
 * accepts), and type errors say what was given.
 */
import type { z } from 'zod';
import type { PathSegment } from './scenario-error.ts';
import { hint } from './hint.ts';

export { hint };

export interface Explained {
  path: PathSegment[];
  message: string;
  /** For unknown fields: the offending key, so the position points at it. */
  key?: string;
}

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export function explainIssues(issues: readonly Issue[], schema: AnySchema, input: unknown, base: PathSegment[] = []): Explained[] {
  return issues.flatMap((issue) => explainIssue(issue, schema, input, base));
}

function explainIssue(issue: Issue, root: AnySchema, input: unknown, base: PathSegment[]): Explained[] {
  const path = [...base, ...(issue.path as PathSegment[])];
  const here = schemaAt(root, issue.path as PathSegment[]);
  const value = valueAt(input, issue.path as PathSegment[]);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = here ? objectKeys(here) : [];
      return issue.keys.map((key) => ({
        path,
        key,
        message: `unknown field "${key}"${hint(key, allowed)}${allowed.length ? ` — expected one of: ${allowed.join(', ')}` : ''}`,
      }));
    }
    case 'invalid_union': {
      const branches = issue.errors;
      const options = here ? unionOptions(here) : [];
      // Prefer the branch that got furthest: fewest issues, then deepest path. Root-only type mismatches in every
      // branch mean "none of these shapes", so list the shapes.
      const rootMismatch = (e: Issue) => e.path.length === 0 && ['invalid_type', 'invalid_union', 'invalid_value'].includes(e.code);
      const scored = branches.map((errs, i) => ({ errs, i, rootOnly: errs.every(rootMismatch) }));
      const candidates = scored.filter((b) => !b.rootOnly);
      // An object whose keys fit no object branch ({ contain: x } against { contains } | { equals } …): no branch is
      // "closest", so list the forms and hint at the nearest key instead of blaming one branch.
      const strangers = candidates.filter((b) => b.errs.some((e) => e.path.length === 0 && e.code === 'unrecognized_keys'));
      if (candidates.length > 1 && strangers.length === candidates.length) {
        const allKeys = options.flatMap(objectKeys);
        const unknown = strangers.flatMap((b) => b.errs.flatMap((e) => (e.code === 'unrecognized_keys' ? e.keys : [])));
        const key = unknown[0] ?? '';
        const forms = options.map(describe).join(' | ');
        return [{ path, message: `${show(value)} does not match any accepted form${hint(key, allKeys)} — expected ${forms}` }];
      }
      if (candidates.length > 0) {
        candidates.sort((a, b) => a.errs.length - b.errs.length || depth(b.errs) - depth(a.errs) || a.i - b.i);
        const best = candidates[0]!;
        const branchSchema = options[best.i];
        const local = (issue.path as PathSegment[]);
        return best.errs.flatMap((e) =>
          branchSchema ? explainIssue(e, branchSchema, value, [...base, ...local]) : [{ path: [...path, ...(e.path as PathSegment[])], message: e.message }],
        );
      }
      const forms = options.map(describe).join(' | ');
      return [{ path, message: `${show(value)} does not match any accepted form — expected ${forms || 'another value'}` }];
    }
    case 'invalid_type':
      if (value === undefined) return [{ path, message: `missing required field — expected ${issue.expected}` }];
      if (issue.message && !issue.message.startsWith('Invalid input')) return [{ path, message: issue.message }];
      return [{ path, message: `expected ${issue.expected}, got ${kindOf(value)} ${show(value)}` }];
    case 'invalid_value':
      return [{ path, message: `${show(value)} is not allowed — expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${hint(String(value), issue.values.map(String))}` }];
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `≥ ${String(issue.minimum)}` : `≤ ${String(issue.maximum)}`;
      const what = Array.isArray(value) ? `a list of ${value.length}` : show(value);
      return [{ path, message: `${what} is ${issue.code === 'too_small' ? 'too small' : 'too big'} — expected ${issue.origin === 'array' ? `${bound} items` : issue.origin === 'string' ? `${bound} characters` : bound}` }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

function depth(errs: readonly Issue[]): number {
  return Math.max(0, ...errs.map((e) => e.path.length));
}

/** Walks the schema along a data path, through optional/union/array/record/object wrappers. */
export function schemaAt(schema: AnySchema, path: readonly PathSegment[]): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = defOf(current);
    if (def.type === 'object') current = (def.shape as Record<string, AnySchema>)[String(segment)];
    else if (def.type === 'array') current = def.element as AnySchema;
    else if (def.type === 'record') current = def.valueType as AnySchema;
    else if (def.type === 'union') {
      const match = (def.options as AnySchema[]).map(unwrap).find((o) => o && objectKeys(o).includes(String(segment)));
      current = match ? (defOf(match).shape as Record<string, AnySchema>)[String(segment)] : undefined;
    } else return undefined;
    current = current ? unwrap(current) : undefined;
  }
  return current;
}

function defOf(schema: AnySchema): Record<string, unknown> {
  return (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def: Record<string, unknown> = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') current = def.innerType as AnySchema;
    else if (def.type === 'pipe') current = def.in as AnySchema;
    else break;
  }
  return current;
}

function objectKeys(schema: AnySchema): string[] {
  const def = defOf(unwrap(schema));
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

function unionOptions(schema: AnySchema): AnySchema[] {
  const def = defOf(unwrap(schema));
  return def.type === 'union' ? (def.options as AnySchema[]).map(unwrap) : [];
}

function describe(schema: AnySchema): string {
  const def = defOf(unwrap(schema));
  if (def.type === 'object') return `{ ${Object.keys(def.shape as object).join(', ')} }`;
  if (def.type === 'literal') return (def.values as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (def.type === 'array') return 'a list';
  if (def.type === 'union') return (def.options as AnySchema[]).map(describe).join(' | ');
  if (def.type === 'template_literal') return 'e.g. LAST_N_DAYS:30';
  return String(def.type);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}
