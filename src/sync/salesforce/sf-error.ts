/**
 * @module
 * One error class for everything jsforce rejects with (HttpApiError, FetchError, plain Error from SOAP login), keyed by
 * the Salesforce errorCode, with the engine's decision attached: retry, re-login, pause the org, or give up.
 */
import { redactString } from '#util/redact.ts';

export class SalesforceError extends Error {
  override readonly name = 'SalesforceError';
  constructor(readonly code: string, message: string, readonly fields: string[] = []) {
    super(redactString(message));
  }

  get sessionExpired(): boolean {
    return this.code === 'INVALID_SESSION_ID';
  }

  get limitExceeded(): boolean {
    return this.code === 'REQUEST_LIMIT_EXCEEDED';
  }

  /** Worth retrying after a short wait: a lock, or a transport hiccup. */
  get transient(): boolean {
    return this.code === 'UNABLE_TO_LOCK_ROW' || this.code === 'SERVER_UNAVAILABLE' || this.code === 'NetworkError' || /^ERROR_HTTP_5\d\d$/.test(this.code);
  }
}

/** Raised instead of calling the org while its API budget is exhausted (REQUEST_LIMIT_EXCEEDED); see api-budget.ts. */
export class OrgPausedError extends Error {
  override readonly name = 'OrgPausedError';
  constructor(message: string, readonly since: number) {
    super(message);
  }
}

export function toSalesforceError(raw: unknown): SalesforceError {
  if (raw instanceof SalesforceError) return raw;
  const value = (raw ?? {}) as { errorCode?: unknown; name?: unknown; message?: unknown; code?: unknown; data?: unknown };
  const data = value.data as { fields?: unknown } | undefined;
  const fields = Array.isArray(data?.fields) ? data.fields.map(String) : [];
  let code = typeof value.errorCode === 'string' ? value.errorCode : typeof value.name === 'string' && /^[A-Z_0-9]+$/.test(value.name) ? value.name : '';
  const message = String(value.message ?? raw ?? 'unknown Salesforce failure');
  if (!code) {
    const soap = /^([A-Z_]{4,}):\s/.exec(message);
    if (soap) code = soap[1]!;
    else if (typeof value.code === 'string' && /^E[A-Z]+/.test(value.code)) code = 'NetworkError';
    else if (/ECONNRESET|ECONNREFUSED|socket hang up|network/i.test(message)) code = 'NetworkError';
    else if (value.name === 'invalid_grant' || value.name === 'invalid_client') code = String(value.name).toUpperCase();
    else code = 'UNKNOWN_ERROR';
  }
  return new SalesforceError(code, message, fields);
}
