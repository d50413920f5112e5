/**
 * @module
 * OAuth 2.0 client-credentials token for EWS (CONN-05): POST to the configured token URL, cache until shortly before
 * expiry in scenario time, refresh transparently. This is a plain form POST to the identity endpoint — not an EWS call,
 * so it does not go through ews-javascript-api (whose bundled msal-node insists on Azure's discovery documents).
 */
import type { Clock } from '#time/clock.ts';
import { redactString } from '#util/redact.ts';

export interface OAuthClientCredentials {
  tokenUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Default https://outlook.office365.com/.default */
  scope?: string;
}

export class OAuthTokenError extends Error {
  override readonly name = 'OAuthTokenError';
  constructor(readonly code: string, message: string, readonly httpStatus?: number) {
    super(redactString(message));
  }
}

/** Refresh this long before the token's stated expiry, so a token never dies mid-cycle. */
const EARLY_REFRESH_MS = 5 * 60_000;

export class OAuthTokenSource {
  #token: { value: string; expiresAt: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(private readonly credentials: OAuthClientCredentials, private readonly clock: Clock, private readonly timeoutMs: number) {}

  async token(): Promise<string> {
    if (this.#token && this.clock.now() < this.#token.expiresAt - EARLY_REFRESH_MS) return this.#token.value;
    this.#pending ??= this.#fetch().finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  invalidate(): void {
    this.#token = undefined;
  }

  async #fetch(): Promise<string> {
    const { tokenUrl, tenantId, clientId, clientSecret, scope } = this.credentials;
    const url = tokenUrl.replace('{tenantId}', encodeURIComponent(tenantId));
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: scope ?? 'https://outlook.office365.com/.default',
    });
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new OAuthTokenError('NetworkError', `OAuth token endpoint ${url} unreachable: ${(error as Error).message}; check exchange.tokenUrl in engine.yaml`);
    }
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // handled below
    }
    if (!response.ok || typeof json.access_token !== 'string') {
      const code = typeof json.error === 'string' ? json.error : `HTTP_${response.status}`;
      const description = typeof json.error_description === 'string' ? json.error_description : text.slice(0, 200);
      throw new OAuthTokenError(code, `OAuth token request for client ${clientId} failed (${code}): ${description}. ${oauthHint(code)}`, response.status);
    }
    const lifetime = Number(json.expires_in ?? 3600) * 1000;
    this.#token = { value: json.access_token, expiresAt: this.clock.now() + lifetime };
    return json.access_token;
  }
}

function oauthHint(code: string): string {
  if (code === 'invalid_client') return 'Check exchange.clientId / clientSecret in engine.yaml.';
  if (code === 'consent_required' || code === 'unauthorized_client') return 'A global admin must grant consent to the app in the tenant (CONN-05).';
  if (code === 'invalid_request') return 'Check exchange.tenantId and the token URL; national clouds are not supported (CONN-05).';
  return 'Check the OAuth settings in engine.yaml.';
}
