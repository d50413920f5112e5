/**
 * @module
 * Salesforce's REST error format: a JSON array of `{ message, errorCode, fields? }` with an HTTP status. Every failure
 * the sim produces, including injected faults and "not implemented", goes out in this shape (SIM-SF-03), because
 * jsforce turns it into an `HttpApiError` whose `name`/`errorCode` is the code — a bare 500 would tell a client nothing.
 */

export interface SfErrorBody {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** A Salesforce error raised anywhere in the sim; the router turns it into an error-array response. */
export class SfError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly status = 400,
    readonly fields?: string[],
    readonly extraHeaders?: Record<string, string>,
  ) {
    super(message);
    this.name = 'SfError';
  }

  body(): SfErrorBody {
    return this.fields ? { message: this.message, errorCode: this.errorCode, fields: this.fields } : { message: this.message, errorCode: this.errorCode };
  }

  /** The per-record form used inside sObject Collections results (`statusCode` instead of `errorCode`). */
  recordError(): { statusCode: string; message: string; fields: string[] } {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields ?? [] };
  }
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
  });
}

export function errorResponse(error: SfError): Response {
  return jsonResponse([error.body()], error.status, error.extraHeaders);
}

/** Default HTTP status for well-known codes, so a fault rule naming only the code still answers like Salesforce. */
export function defaultStatusFor(errorCode: string): number {
  switch (errorCode) {
    case 'INVALID_SESSION_ID':
      return 401;
    case 'REQUEST_LIMIT_EXCEEDED':
    case 'INSUFFICIENT_ACCESS':
    case 'API_DISABLED_FOR_ORG':
    case 'API_CURRENTLY_DISABLED':
      return 403;
    case 'NOT_FOUND':
    case 'ENTITY_IS_DELETED':
      return 404;
    case 'SERVER_UNAVAILABLE':
      return 503;
    case 'UNKNOWN_EXCEPTION':
      return 500;
    default:
      return 400;
  }
}

export const sessionExpired = (): SfError => new SfError('INVALID_SESSION_ID', 'Session expired or invalid', 401);

export const notFound = (path: string): SfError =>
  new SfError('NOT_FOUND', `The requested resource does not exist: ${path} (not served by synclab's Salesforce sim)`, 404);

export const malformedId = (what: string, value: unknown): SfError =>
  new SfError('MALFORMED_ID', `${what}: id value of incorrect type: ${String(value)}`, 400);

export const notImplemented = (what: string): SfError =>
  new SfError('NOT_IMPLEMENTED', `not implemented by synclab's Salesforce sim: ${what}`, 501);
