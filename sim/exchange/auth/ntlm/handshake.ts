/**
 * The server side of the NTLM handshake. NTLM authenticates a TCP connection, not a request: NEGOTIATE and
 * AUTHENTICATE must arrive on the same connection, and once it succeeds, later requests on that connection need no
 * Authorization header (IIS behaviour). Connections are told apart by the `x-synclab-connection-id` header that
 * sim/core/http-server.ts adds.
 */
import type { Clock } from '#time/clock.ts';
import type { Rng } from '#util/random.ts';
import type { Directory, Principal } from '../../directory/index.ts';
import { buildChallenge, NtlmMessageError, ntlmMessageType, parseAuthenticate, parseNegotiate } from './messages.ts';
import { verifyNtlmV2 } from './ntlmv2.ts';

export type NtlmStep =
  | { kind: 'challenge'; token: Buffer }
  | { kind: 'authenticated'; principal: Principal; user: string }
  | { kind: 'failed'; reason: string };

type ConnectionState = { stage: 'challenged'; serverChallenge: Buffer } | { stage: 'authenticated'; principal: Principal };

/** Connections remembered at most; the oldest are forgotten first (a long rehearsal opens many). */
const MAX_CONNECTIONS = 10_000;

export class NtlmHandshakes {
  readonly #connections = new Map<string, ConnectionState>();

  constructor(
    private readonly directory: Directory,
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  /** The principal an earlier handshake authenticated this connection as, if any. */
  authenticatedPrincipal(connectionId: string | null): Principal | undefined {
    if (!connectionId) return undefined;
    const state = this.#connections.get(connectionId);
    return state?.stage === 'authenticated' ? state.principal : undefined;
  }

  step(connectionId: string | null, token: Buffer): NtlmStep {
    if (!connectionId) {
      return { kind: 'failed', reason: 'NTLM needs a persistent connection; serve the sim through serveFetchHandler (no connection id on this request)' };
    }
    try {
      const type = ntlmMessageType(token);
      if (type === 1) return this.#negotiate(connectionId, token);
      if (type === 3) return this.#authenticate(connectionId, token);
      return { kind: 'failed', reason: `unexpected NTLM message type ${type} from a client` };
    } catch (error) {
      if (error instanceof NtlmMessageError) return { kind: 'failed', reason: error.message };
      throw error;
    }
  }

  #negotiate(connectionId: string, token: Buffer): NtlmStep {
    const negotiate = parseNegotiate(token);
    const serverChallenge = Buffer.from(Array.from({ length: 8 }, () => this.rng.int(0, 255)));
    const tenant = this.directory.tenant;
    this.#remember(connectionId, { stage: 'challenged', serverChallenge });
    return {
      kind: 'challenge',
      token: buildChallenge({
        clientFlags: negotiate.flags,
        serverChallenge,
        netbiosDomain: tenant.netbiosDomain,
        netbiosComputer: 'EXCH01',
        dnsDomain: tenant.domain,
        dnsComputer: `exch01.${tenant.domain}`,
        timestamp: this.clock.now(),
      }),
    };
  }

  #authenticate(connectionId: string, token: Buffer): NtlmStep {
    const state = this.#connections.get(connectionId);
    this.#connections.delete(connectionId);
    if (state?.stage !== 'challenged') {
      return { kind: 'failed', reason: 'AUTHENTICATE (Type 3) without a preceding NEGOTIATE on this connection' };
    }
    const message = parseAuthenticate(token);
    if (!message.user) return { kind: 'failed', reason: 'anonymous NTLM logons are not allowed' };
    const logonName = message.domain ? `${message.domain}\\${message.user}` : message.user;
    const logon = this.directory.resolveLogon(logonName);
    if (!logon.ok) return { kind: 'failed', reason: logon.message };
    const ntHash = this.directory.ntHashOf(logon.principal);
    if (!ntHash) return { kind: 'failed', reason: `${logonName} has no password and cannot log on` };
    const verdict = verifyNtlmV2({ ntHash, user: message.user, domain: message.domain, serverChallenge: state.serverChallenge, ntResponse: message.ntResponse });
    if (!verdict.ok) return { kind: 'failed', reason: `${verdict.reason} (user ${logonName})` };
    this.#remember(connectionId, { stage: 'authenticated', principal: logon.principal });
    return { kind: 'authenticated', principal: logon.principal, user: logonName };
  }

  #remember(connectionId: string, state: ConnectionState): void {
    this.#connections.delete(connectionId);
    this.#connections.set(connectionId, state);
    if (this.#connections.size > MAX_CONNECTIONS) {
      const oldest = this.#connections.keys().next().value;
      if (oldest !== undefined) this.#connections.delete(oldest);
    }
  }
}
