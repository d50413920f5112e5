/**
 * HTTP Basic (CONN-01): `Authorization: Basic base64(user:password)`, user as UPN or down-level per the tenant's
 * accepted forms (CONN-02). CONN-08: when the tenant has retired Basic, the right password still gets 401.
 */
import type { Directory, Principal } from '../directory/index.ts';

export type CredentialVerdict = { ok: true; principal: Principal } | { ok: false; reason: string; bearerError?: { error: string; diagnostics: string } };

export function verifyBasic(directory: Directory, encoded: string): CredentialVerdict {
  const { auth } = directory.tenant;
  if (!auth.basic) return { ok: false, reason: 'Basic authentication is disabled on this server' };
  if (auth.basicRetired) {
    return { ok: false, reason: 'Basic authentication has been retired for this tenant (CONN-08); connect with OAuth 2.0 instead' };
  }
  const decoded = Buffer.from(encoded.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false, reason: 'the Basic credentials are not "user:password"' };
  const userName = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const logon = directory.resolveLogon(userName);
  if (!logon.ok) return { ok: false, reason: logon.message };
  if (!directory.checkPassword(logon.principal, password)) return { ok: false, reason: `wrong password for ${userName.trim()}` };
  return { ok: true, principal: logon.principal };
}
