/**
 * The Azure AD side of an Online tenant, as the sim keeps it: registered apps, admin consent (CONN-05) and the
 * access tokens issued. Lives in the directory so a snapshot carries consent and live tokens across a restart.
 *
 * Consent is recorded with who granted it and when, and deliberately does not depend on that admin still existing:
 * CONN-05 says the connection keeps working after the granting admin leaves.
 */
import { timingSafeEqual } from 'node:crypto';
import type { OAuthAppSpec } from '../world.ts';

export interface ConsentRecord {
  grantedBy: string;
  /** ISO instant (scenario time). */
  at: string;
}

export interface OAuthAppRecord {
  clientId: string;
  clientSecret: string;
  consent?: ConsentRecord;
  tokenLifetimeSeconds: number;
}

export interface IssuedToken {
  /** Token id (the JWT `jti`); the token itself is never stored or logged. */
  jti: string;
  clientId: string;
  tenantId: string;
  audience: string;
  roles: string[];
  /** Epoch ms, scenario time. */
  issuedAt: number;
  expiresAt: number;
}

export interface OAuthRegistryJSON {
  apps: OAuthAppRecord[];
  tokens: IssuedToken[];
  nextTokenSeq: number;
}

/** Tokens that expired this long ago are forgotten (bounds memory on long rehearsals). */
const TOKEN_RETENTION_MS = 24 * 3_600_000;

export class OAuthRegistry {
  readonly #apps = new Map<string, OAuthAppRecord>();
  readonly #tokens = new Map<string, IssuedToken>();
  #nextTokenSeq = 1;

  constructor(apps: OAuthAppSpec[] = [], now = 0) {
    for (const spec of apps) this.addApp(spec, now);
  }

  addApp(spec: OAuthAppSpec, now: number): OAuthAppRecord {
    if (!spec.clientId?.trim()) throw new Error('exchange world: every oauthApps entry needs a clientId');
    if (!spec.clientSecret) throw new Error(`exchange world: oauth app ${spec.clientId} needs a clientSecret`);
    const lifetime = spec.tokenLifetimeSeconds ?? 3600;
    if (!Number.isInteger(lifetime) || lifetime < 60) {
      throw new Error(`exchange world: oauth app ${spec.clientId}: tokenLifetimeSeconds must be an integer >= 60; got ${lifetime}`);
    }
    const key = spec.clientId.toLowerCase();
    if (this.#apps.has(key)) throw new Error(`exchange world: oauth app ${spec.clientId} is listed twice`);
    const record: OAuthAppRecord = {
      clientId: spec.clientId,
      clientSecret: spec.clientSecret,
      tokenLifetimeSeconds: lifetime,
      consent: spec.consent ? { grantedBy: spec.consent.grantedBy, at: spec.consent.at ?? new Date(now).toISOString() } : undefined,
    };
    this.#apps.set(key, record);
    return record;
  }

  app(clientId: string): OAuthAppRecord | undefined {
    return this.#apps.get(clientId.toLowerCase());
  }

  apps(): OAuthAppRecord[] {
    return [...this.#apps.values()];
  }

  secretMatches(app: OAuthAppRecord, secret: string): boolean {
    const a = Buffer.from(app.clientSecret, 'utf8');
    const b = Buffer.from(secret, 'utf8');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  grantConsent(clientId: string, grantedBy: string, now: number): ConsentRecord {
    const app = this.#requireApp(clientId);
    if (!grantedBy?.trim()) throw new Error('grantConsent: grantedBy (the global admin granting consent) is required');
    app.consent = { grantedBy: grantedBy.trim(), at: new Date(now).toISOString() };
    return app.consent;
  }

  revokeConsent(clientId: string): boolean {
    const app = this.#requireApp(clientId);
    const had = app.consent !== undefined;
    app.consent = undefined;
    return had;
  }

  /** Registers a new token and returns its id. */
  issueToken(fields: Omit<IssuedToken, 'jti'>): IssuedToken {
    this.#prune(fields.issuedAt);
    const token: IssuedToken = { jti: `synclab-${String(this.#nextTokenSeq++).padStart(6, '0')}`, ...fields };
    this.#tokens.set(token.jti, token);
    return token;
  }

  token(jti: string): IssuedToken | undefined {
    return this.#tokens.get(jti);
  }

  toJSON(): OAuthRegistryJSON {
    return {
      apps: this.apps().map((a) => ({ ...a, consent: a.consent && { ...a.consent } })),
      tokens: [...this.#tokens.values()].map((t) => ({ ...t, roles: [...t.roles] })),
      nextTokenSeq: this.#nextTokenSeq,
    };
  }

  static fromJSON(json: OAuthRegistryJSON): OAuthRegistry {
    const registry = new OAuthRegistry();
    for (const app of json.apps) registry.#apps.set(app.clientId.toLowerCase(), { ...app });
    for (const token of json.tokens) registry.#tokens.set(token.jti, { ...token });
    registry.#nextTokenSeq = json.nextTokenSeq;
    return registry;
  }

  #requireApp(clientId: string): OAuthAppRecord {
    const app = this.app(clientId);
    if (!app) {
      const known = this.apps().map((a) => a.clientId);
      throw new Error(`no OAuth app with client id ${clientId} in this tenant (known: ${known.join(', ') || 'none'})`);
    }
    return app;
  }

  #prune(now: number): void {
    for (const [jti, token] of this.#tokens) if (token.expiresAt + TOKEN_RETENTION_MS < now) this.#tokens.delete(jti);
  }
}
