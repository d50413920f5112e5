/** @module SOQL text → SoqlQuery. */
import type { SoqlQuery } from './ast.ts';
import { SoqlError } from './types.ts';

export function parseSoql(text: string): SoqlQuery {
  throw new SoqlError('MALFORMED_QUERY', `parseSoql: not implemented yet (query: ${text.slice(0, 40)})`);
}
