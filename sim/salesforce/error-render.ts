/**
 * @module
 * One SfError, three wire formats: the REST error array, a SOAP fault (the SOAP login), or an OAuth error object
 * (the token endpoint) — whichever the route that failed speaks.
 */
import { errorResponse, type SfError } from './errors.ts';
import { soapFault } from './routes/login.ts';
import { oauthError } from './routes/oauth.ts';
import type { ErrorStyle } from './routes/types.ts';

/** Renders any error in the style of the route it happened on. */
export function renderError(error: SfError, style: ErrorStyle): Response {
  if (style === 'soap') return soapFault(error.errorCode, error.message, error.status >= 500 ? error.status : 500);
  if (style === 'oauth') return oauthError(error.errorCode.toLowerCase(), error.message, error.status);
  return errorResponse(error);
}

