/**
 * @module
 * SOQL for the Salesforce sim: `parseSoql` (text → SoqlQuery, MALFORMED_QUERY with Row/Column on bad syntax) and
 * `runSoql` (query + data source → REST-shaped records). The sim's query/queryAll routes call runSoql and page the
 * records; this module never does paging.
 */

export { SoqlError } from './types.ts';
export type {
  FieldSchema, FieldType, ObjectSchema, SoqlDataSource, RunSoqlOptions, SoqlResult, SoqlPosition, SoqlQuery,
} from './types.ts';
export { parseSoql } from './parser.ts';
export { runSoql } from './run.ts';
