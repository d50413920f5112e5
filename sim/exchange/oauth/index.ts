/**
 * @module
 * The Exchange sim's Azure-AD-like side (CONN-05): the client-credentials token endpoint, and in-process admin actions
 * to grant or revoke admin consent. Consent lives in the directory (and so in snapshots); it records who granted it
 * and keeps working after that admin's mailbox is removed.
 */
import type { Directory, ConsentRecord } from '../directory/index.ts';

export { handleTokenRequest, TOKEN_PATH, type TokenContext } from './token-endpoint.ts';
export { EXCHANGE_AUDIENCE, FULL_ACCESS_AS_APP, decodeAccessToken } from './access-token.ts';

/** A global admin grants tenant-wide admin consent to an app (in-process action for scenarios and `/_sim`). */
export function grantConsent(directory: Directory, args: { clientId: string; grantedBy: string }): ConsentRecord {
  return directory.oauth.grantConsent(args.clientId, args.grantedBy, directory.now());
}

/** Withdraws admin consent: new token requests fail with AADSTS65001; tokens already issued stay valid until they expire. */
export function revokeConsent(directory: Directory, args: { clientId: string }): boolean {
  return directory.oauth.revokeConsent(args.clientId);
}

/** True for paths the token endpoint answers (so the sim's router can send them here). */
export function isTokenPath(pathname: string): boolean {
  return /^\/[^/]+\/oauth2\//i.test(pathname);
}
