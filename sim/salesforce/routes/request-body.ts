/**
 * @module
 * Reading a REST request body: JSON_PARSER_ERROR (400) on malformed JSON, as Salesforce answers, and the
 * duplicate-rule header (`Sforce-Duplicate-Rule-Header: allowSave=true`).
 */
import { SfError } from '../errors.ts';

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') throw new SfError('JSON_PARSER_ERROR', 'The request body is empty; send a JSON object');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SfError('JSON_PARSER_ERROR', `Unexpected character in the JSON request body: ${(error as Error).message}`);
  }
}

export async function readJsonObject(request: Request, what: string): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SfError('JSON_PARSER_ERROR', `${what}: the request body must be a JSON object`);
  }
  return body as Record<string, unknown>;
}

export function allowDuplicates(request: Request): boolean {
  return /allowSave\s*=\s*true/i.test(request.headers.get('sforce-duplicate-rule-header') ?? '');
}
