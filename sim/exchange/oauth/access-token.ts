/**
 * Access tokens as the sim's Azure AD issues them: JWT-shaped (header.payload.signature, base64url) with the claims
 * Exchange Online reads (aud, tid, appid, roles, exp), HMAC-SHA256-signed with a per-tenant key. The signature only
 * keeps tests honest (a hand-edited token is refused); it is not security. The registry in the directory remembers
 * each token id, so a token survives a snapshot/restore and a token from another sim instance does not.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const EXCHANGE_AUDIENCE = 'https://outlook.office365.com';
export const FULL_ACCESS_AS_APP = 'full_access_as_app';

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  tid: string;
  appid: string;
  roles: string[];
  jti: string;
  /** Seconds since the epoch (scenario time). */
  iat: number;
  nbf: number;
  exp: number;
  ver: '1.0';
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function signingKey(tenantId: string): Buffer {
  return createHash('sha256').update(`synclab exchange sim token key:${tenantId}`).digest();
}

export function encodeAccessToken(claims: AccessTokenClaims): string {
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'synclab-sim' }));
  const body = b64url(JSON.stringify(claims));
  const signature = createHmac('sha256', signingKey(claims.tid)).update(`${head}.${body}`).digest();
  return `${head}.${body}.${b64url(signature)}`;
}

/** Decodes and checks the signature; says what is wrong otherwise. Expiry and registration are checked by the caller. */
export function decodeAccessToken(token: string): { ok: true; claims: AccessTokenClaims } | { ok: false; reason: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'the bearer token is not a JWT (expected three dot-separated parts)' };
  let claims: AccessTokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as AccessTokenClaims;
  } catch {
    return { ok: false, reason: 'the bearer token payload is not JSON' };
  }
  if (typeof claims?.tid !== 'string' || typeof claims.jti !== 'string') return { ok: false, reason: 'the bearer token lacks tid/jti claims' };
  const expected = createHmac('sha256', signingKey(claims.tid)).update(`${parts[0]}.${parts[1]}`).digest();
  const actual = Buffer.from(parts[2]!, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: 'the bearer token signature is invalid (not issued by this sim, or altered)' };
  }
  return { ok: true, claims };
}
