/**
 * `POST /{tenant}/oauth2/v2.0/token` with grant_type=client_credentials and scope=https://outlook.office365.com/.default,
 * as Azure AD answers it (CONN-05). The tenant segment may be the tenant id or its domain. National clouds are
 * refused here: the product supports only the global Azure cloud, and a national-cloud tenant is "not found" on the
 * global endpoint, which is what Azure AD says too.
 */
import type { Clock } from '#time/clock.ts';
import type { Directory } from '../directory/index.ts';
import { encodeAccessToken, EXCHANGE_AUDIENCE, FULL_ACCESS_AS_APP } from './access-token.ts';
import { aadErrorResponse, json, type AadError } from './aad-errors.ts';

export interface TokenContext {
  directory: Directory;
  clock: Clock;
}

/** `/{tenant}/oauth2/v2.0/token`, capturing the tenant segment. */
export const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/i;

export async function handleTokenRequest(request: Request, ctx: TokenContext): Promise<Response> {
  const now = ctx.clock.now();
  const fail = (err: AadError) => aadErrorResponse(err, now);
  const url = new URL(request.url);
  const tenantSegment = TOKEN_PATH.exec(url.pathname)?.[1];
  if (!tenantSegment) {
    return fail({ status: 400, error: 'invalid_request', code: 900561, description: `not implemented by synclab's Exchange sim: ${request.method} ${url.pathname} (use POST /{tenant}/oauth2/v2.0/token).` });
  }
  if (request.method !== 'POST') {
    return fail({ status: 400, error: 'invalid_request', code: 900561, description: 'The endpoint only accepts POST requests.' });
  }
  const { directory } = ctx;
  const tenant = directory.tenant;
  const segment = decodeURIComponent(tenantSegment).toLowerCase();
  if (segment !== tenant.tenantId && segment !== tenant.domain) {
    const hint = ['common', 'organizations', 'consumers'].includes(segment) ? ' Client credentials need a specific tenant id or domain, not /common.' : '';
    return fail({ status: 400, error: 'invalid_request', code: 90002, description: `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.${hint}` });
  }
  if (tenant.cloud !== 'global') {
    return fail({
      status: 400,
      error: 'invalid_request',
      code: 90002,
      description:
        `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. ` +
        `(synclab: this tenant is in the ${tenant.cloud} national cloud; Lightning Sync supports only the global Azure cloud, CONN-05.)`,
    });
  }
  if (!tenant.auth.oauth) {
    return fail({
      status: 400,
      error: 'invalid_request',
      code: 90002,
      description: `Tenant '${segment}' not found. (synclab: OAuth is not enabled for this Exchange tenant; set tenant.auth.oauth or version: ExchangeOnline.)`,
    });
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return fail({ status: 400, error: 'invalid_request', code: 900144, description: "The request body must contain the following parameter: 'grant_type'. (Send it as application/x-www-form-urlencoded.)" });
  }
  const form = new URLSearchParams(await request.text());
  const basic = clientFromBasicHeader(request.headers.get('authorization'));
  const grantType = form.get('grant_type');
  const clientId = form.get('client_id') ?? basic?.clientId;
  const clientSecret = form.get('client_secret') ?? basic?.clientSecret;
  const scope = form.get('scope');

  if (!grantType) return fail({ status: 400, error: 'invalid_request', code: 900144, description: "The request body must contain the following parameter: 'grant_type'." });
  if (grantType !== 'client_credentials') {
    return fail({ status: 400, error: 'unsupported_grant_type', code: 70003, description: `The app requested an unsupported grant type '${grantType}'. (synclab's Exchange sim implements client_credentials only.)` });
  }
  if (!clientId) return fail({ status: 400, error: 'invalid_request', code: 900144, description: "The request body must contain the following parameter: 'client_id'." });
  if (!scope) return fail({ status: 400, error: 'invalid_request', code: 900144, description: "The request body must contain the following parameter: 'scope'." });

  const app = directory.oauth.app(clientId);
  if (!app) {
    return fail({
      status: 400,
      error: 'unauthorized_client',
      code: 700016,
      description: `Application with identifier '${clientId}' was not found in the directory '${tenant.domain}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    });
  }
  if (!clientSecret || !directory.oauth.secretMatches(app, clientSecret)) {
    return fail({
      status: 401,
      error: 'invalid_client',
      code: 7000215,
      description: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
    });
  }
  const scopes = scope.split(/\s+/).filter(Boolean);
  const bad = scopes.find((s) => !s.endsWith('/.default'));
  if (bad) {
    return fail({
      status: 400,
      error: 'invalid_scope',
      code: 1002012,
      description: `The provided value for scope ${bad} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    });
  }
  const resource = scopes[0]!.slice(0, -'/.default'.length);
  if (scopes.length !== 1 || resource.toLowerCase() !== EXCHANGE_AUDIENCE) {
    return fail({
      status: 400,
      error: 'invalid_scope',
      code: 500011,
      description: `The resource principal named ${resource} was not found in the tenant named ${tenant.domain}. (synclab's sim issues tokens for ${EXCHANGE_AUDIENCE}/.default only.)`,
    });
  }
  if (!app.consent) {
    return fail({
      status: 400,
      error: 'invalid_grant',
      code: 65001,
      suberror: 'consent_required',
      description: `The user or administrator has not consented to use the application with ID '${app.clientId}'. Send an interactive authorization request for this user and resource.`,
    });
  }

  const issued = directory.oauth.issueToken({
    clientId: app.clientId,
    tenantId: tenant.tenantId,
    audience: EXCHANGE_AUDIENCE,
    roles: [FULL_ACCESS_AS_APP],
    issuedAt: now,
    expiresAt: now + app.tokenLifetimeSeconds * 1000,
  });
  const seconds = (ms: number) => Math.floor(ms / 1000);
  const accessToken = encodeAccessToken({
    aud: EXCHANGE_AUDIENCE,
    iss: `https://sts.windows.net/${tenant.tenantId}/`,
    tid: tenant.tenantId,
    appid: app.clientId,
    roles: issued.roles,
    jti: issued.jti,
    iat: seconds(now),
    nbf: seconds(now),
    exp: seconds(issued.expiresAt),
    ver: '1.0',
  });
  return json(200, { token_type: 'Bearer', expires_in: app.tokenLifetimeSeconds, ext_expires_in: app.tokenLifetimeSeconds, access_token: accessToken });
}

function clientFromBasicHeader(header: string | null): { clientId: string; clientSecret: string } | undefined {
  if (!header?.toLowerCase().startsWith('basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
}
