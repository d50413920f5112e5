/**
 * @module
 * Authentication for the Exchange sim's EWS and Autodiscover endpoints: Basic, NTLM (verified NTLMv2 handshake per
 * TCP connection) and OAuth bearer, each switched per tenant (CONN-01, CONN-02, CONN-05, CONN-08).
 *
 * `createAuthenticator(directory, clock).authenticate(request)` → the principal, or the exact 401 (or NTLM challenge)
 * to send back. Only principal names leave this module; credentials are never logged or traced.
 */
import type { Clock } from '#time/clock.ts';
import { CONNECTION_ID_HEADER } from '#sim-core/http-server.ts';
import { createRng, type Rng } from '#util/random.ts';
import type { Directory, Principal } from '../directory/index.ts';
import { verifyBasic, type CredentialVerdict } from './basic.ts';
import { verifyBearer } from './bearer.ts';
import { ntlmChallenge, unauthorized } from './challenge.ts';
import { NtlmHandshakes } from './ntlm/handshake.ts';

export type { Principal } from '../directory/index.ts';
export { principalName } from '../directory/index.ts';

export type AuthResult =
  | { ok: true; principal: Principal; method: AuthMethod }
  /**
   * `reason` is for traces and logs (no secrets); `response` is what goes on the wire. `handshake` marks the NTLM
   * CHALLENGE leg: a normal step of a successful logon, not a failure to count.
   */
  | { ok: false; response: Response; reason: string; handshake?: true };

export type AuthMethod = 'basic' | 'ntlm' | 'bearer';

export interface Authenticator {
  authenticate(request: Request): Promise<AuthResult>;
}

export interface AuthenticatorOptions {
  /** Seeded generator for NTLM server challenges (G-08). Default: a fixed seed. */
  rng?: Rng;
}

export function createAuthenticator(directory: Directory, clock: Clock, options: AuthenticatorOptions = {}): Authenticator {
  const ntlm = new NtlmHandshakes(directory, clock, options.rng ?? createRng(0x4e544c4d).fork('ntlm'));

  const fail = (request: Request, verdict: Extract<CredentialVerdict, { ok: false }>): AuthResult => ({
    ok: false,
    reason: verdict.reason,
    response: unauthorized(directory.tenant, { host: new URL(request.url).hostname, reason: verdict.reason, bearerError: verdict.bearerError }),
  });

  return {
    async authenticate(request) {
      const connectionId = request.headers.get(CONNECTION_ID_HEADER);
      const header = request.headers.get('authorization')?.trim();
      if (!header) {
        const principal = ntlm.authenticatedPrincipal(connectionId);
        if (principal) return { ok: true, principal, method: 'ntlm' };
        return fail(request, { ok: false, reason: 'no credentials were sent' });
      }
      const space = header.indexOf(' ');
      const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
      const value = space < 0 ? '' : header.slice(space + 1).trim();

      if (scheme === 'basic') {
        const verdict = verifyBasic(directory, value);
        return verdict.ok ? { ok: true, principal: verdict.principal, method: 'basic' } : fail(request, verdict);
      }
      if (scheme === 'bearer') {
        const verdict = verifyBearer(directory, value);
        return verdict.ok ? { ok: true, principal: verdict.principal, method: 'bearer' } : fail(request, verdict);
      }
      if (scheme === 'ntlm' || scheme === 'negotiate') {
        if (!directory.tenant.auth.ntlm) return fail(request, { ok: false, reason: 'NTLM authentication is disabled on this server' });
        const step = ntlm.step(connectionId, Buffer.from(value, 'base64'));
        if (step.kind === 'challenge') {
          return {
            ok: false,
            handshake: true,
            reason: 'NTLM challenge sent',
            response: ntlmChallenge(scheme === 'ntlm' ? 'NTLM' : 'Negotiate', step.token),
          };
        }
        if (step.kind === 'authenticated') return { ok: true, principal: step.principal, method: 'ntlm' };
        return fail(request, { ok: false, reason: `NTLM: ${step.reason}` });
      }
      return fail(request, { ok: false, reason: `unsupported authorization scheme "${scheme}"` });
    },
  };
}
