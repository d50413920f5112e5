/**
 * Evaluates a parsed recipient filter against one recipient (CONN-04).
 *
 * Semantics follow Exchange: string comparisons ignore case; `*` in -like/-notlike matches any run of characters;
 * an unset property equals only `$null`, so `Department -ne 'Sales'` is true for a mailbox without a department
 * (as the LDAP filter Exchange builds, `(!(department=Sales))`, is).
 */
import type { FilterNode } from './parser.ts';
import type { RecipientProperties } from './properties.ts';

export function evaluateRecipientFilter(node: FilterNode, recipient: RecipientProperties): boolean {
  switch (node.type) {
    case 'and':
      return evaluateRecipientFilter(node.left, recipient) && evaluateRecipientFilter(node.right, recipient);
    case 'or':
      return evaluateRecipientFilter(node.left, recipient) || evaluateRecipientFilter(node.right, recipient);
    case 'not':
      return !evaluateRecipientFilter(node.operand, recipient);
    case 'compare': {
      const raw = recipient(node.property);
      const actual = raw === undefined || raw === '' ? undefined : raw;
      switch (node.operator) {
        case 'eq':
          return equals(actual, node.value);
        case 'ne':
          return !equals(actual, node.value);
        case 'like':
          return actual !== undefined && wildcardMatch(actual, node.value ?? '');
        case 'notlike':
          return actual === undefined || !wildcardMatch(actual, node.value ?? '');
      }
    }
  }
}

function equals(actual: string | undefined, expected: string | null): boolean {
  if (expected === null || expected === '') return actual === undefined;
  return actual !== undefined && actual.toLowerCase() === expected.toLowerCase();
}

/** Whole-string, case-insensitive match where `*` is the only wildcard (OPATH has no `?`). */
export function wildcardMatch(text: string, pattern: string): boolean {
  const parts = pattern.toLowerCase().split('*');
  const subject = text.toLowerCase();
  if (parts.length === 1) return subject === parts[0];
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!subject.startsWith(first) || subject.length < first.length + last.length || !subject.endsWith(last)) return false;
  let cursor = first.length;
  const end = subject.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = subject.indexOf(middle, cursor);
    if (found < 0 || found + middle.length > end) return false;
    cursor = found + middle.length;
  }
  return true;
}
