/**
 * OAuth 2.0 bearer tokens (CONN-05) issued by the sim's token endpoint: signature, registration, audience, tenant,
 * and expiry against the scenario clock. Failures carry Exchange Online's `error="invalid_token"` challenge.
 */
import type { Directory } from '../directory/index.ts';
import { decodeAccessToken, EXCHANGE_AUDIENCE, FULL_ACCESS_AS_APP } from '../oauth/access-token.ts';
import type { CredentialVerdict } from './basic.ts';

const invalid = (reason: string, code = '2000001'): CredentialVerdict => ({
  ok: false,
  reason,
  bearerError: { error: 'invalid_token', diagnostics: `${code};reason="${reason.replace(/"/g, "'")}";error_category="invalid_token"` },
});

export function verifyBearer(directory: Directory, token: string): CredentialVerdict {
  if (!directory.tenant.auth.oauth) return { ok: false, reason: 'OAuth authentication is not enabled on this server' };
  const decoded = decodeAccessToken(token.trim());
  if (!decoded.ok) return invalid(decoded.reason);
  const { claims } = decoded;
  if (claims.tid !== directory.tenant.tenantId) return invalid(`the token was issued for tenant ${claims.tid}, not this one`);
  const issued = directory.oauth.token(claims.jti);
  if (!issued) return invalid('the token was not issued by this sim (unknown token id)');
  if (claims.aud !== EXCHANGE_AUDIENCE) return invalid(`the token audience is ${claims.aud}, expected ${EXCHANGE_AUDIENCE}`);
  if (!claims.roles?.includes(FULL_ACCESS_AS_APP)) return invalid(`the token lacks the ${FULL_ACCESS_AS_APP} role`);
  if (directory.now() >= issued.expiresAt) return invalid('The token has expired.', '2000003');
  if (!directory.oauth.app(claims.appid)) return invalid(`the app ${claims.appid} is no longer registered in this tenant`);
  return { ok: true, principal: { kind: 'oauth-app', clientId: claims.appid, tenantId: claims.tid } };
}
