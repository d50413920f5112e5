/**
 * NTLMv2 response verification (MS-NLMP §3.3.2), server side:
 *   ResponseKeyNT = NTOWFv2 = HMAC-MD5(MD4(UTF-16LE(password)), UTF-16LE(UPPER(user) + domain))
 *   NTProofStr    = HMAC-MD5(ResponseKeyNT, ServerChallenge ‖ blob)      where NtChallengeResponse = NTProofStr ‖ blob
 * The sim never stores the password's NT hash anywhere else; the directory computes it on demand.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacMd5(key: Buffer, ...data: Buffer[]): Buffer {
  const hmac = createHmac('md5', key);
  for (const part of data) hmac.update(part);
  return hmac.digest();
}

export function ntowfV2(ntHash: Buffer, user: string, domain: string): Buffer {
  return hmacMd5(ntHash, Buffer.from(user.toUpperCase() + domain, 'utf16le'));
}

export function ntProofStr(responseKeyNt: Buffer, serverChallenge: Buffer, blob: Buffer): Buffer {
  return hmacMd5(responseKeyNt, serverChallenge, blob);
}

export function lmV2Response(responseKeyLm: Buffer, serverChallenge: Buffer, clientChallenge: Buffer): Buffer {
  return Buffer.concat([hmacMd5(responseKeyLm, serverChallenge, clientChallenge), clientChallenge]);
}

export type NtlmVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks an NtChallengeResponse against the stored password's NT hash. Like Windows and Samba, it accepts the
 * domain as sent, upper-cased, or empty, since clients differ in which they hash.
 */
export function verifyNtlmV2(params: { ntHash: Buffer; user: string; domain: string; serverChallenge: Buffer; ntResponse: Buffer }): NtlmVerdict {
  const { ntResponse } = params;
  if (ntResponse.length === 24) {
    return { ok: false, reason: 'the client sent an NTLMv1 response; this server accepts NTLMv2 only (LmCompatibilityLevel 5)' };
  }
  if (ntResponse.length < 16 + 28) return { ok: false, reason: `NTLMv2 response too short (${ntResponse.length} bytes)` };
  const proof = ntResponse.subarray(0, 16);
  const blob = ntResponse.subarray(16);
  if (blob[0] !== 1 || blob[1] !== 1) return { ok: false, reason: 'NTLMv2 blob has an unknown version (expected 1.1)' };
  for (const domain of new Set([params.domain, params.domain.toUpperCase(), ''])) {
    const expected = ntProofStr(ntowfV2(params.ntHash, params.user, domain), params.serverChallenge, blob);
    if (timingSafeEqual(expected, proof)) return { ok: true };
  }
  return { ok: false, reason: 'the NTLMv2 response does not match the password' };
}
