/** @module Runs a SoqlQuery over a SoqlDataSource. */
import type { RunSoqlOptions, SoqlDataSource, SoqlQuery, SoqlResult } from './types.ts';
import { SoqlError } from './types.ts';

export function runSoql(text: string | SoqlQuery, source: SoqlDataSource, options: RunSoqlOptions): SoqlResult {
  void source; void options; void text;
  throw new SoqlError('MALFORMED_QUERY', 'runSoql: not implemented yet');
}
