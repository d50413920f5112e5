/**
 * @module
 * Exchange OPATH recipient filters as used by management scopes (`New-ManagementScope -RecipientRestrictionFilter`),
 * which bound a service account's ApplicationImpersonation right (CONN-04).
 *
 * `compileRecipientFilter(text)` parses once and returns a predicate; a bad filter throws RecipientFilterError
 * naming the position.
 */
import { evaluateRecipientFilter } from './evaluate.ts';
import { parseRecipientFilter, type FilterNode } from './parser.ts';
import type { RecipientProperties } from './properties.ts';

export { RecipientFilterError } from './lexer.ts';
export { parseRecipientFilter, type FilterNode, type ComparisonOperator } from './parser.ts';
export { evaluateRecipientFilter, wildcardMatch } from './evaluate.ts';
export { FILTERABLE_PROPERTIES, canonicalProperty, type FilterableProperty, type RecipientProperties } from './properties.ts';

export interface CompiledRecipientFilter {
  readonly text: string;
  readonly tree: FilterNode;
  matches(recipient: RecipientProperties): boolean;
}

export function compileRecipientFilter(text: string): CompiledRecipientFilter {
  const tree = parseRecipientFilter(text);
  return { text, tree, matches: (recipient) => evaluateRecipientFilter(tree, recipient) };
}
