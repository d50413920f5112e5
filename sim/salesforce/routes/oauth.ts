/**
 * @module
 * OAuth 2.0 at `POST /services/oauth2/token`: the username-password flow (connected apps from the world) and the
 * refresh-token flow, with Salesforce's error objects (`invalid_client_id`, `invalid_client`, `invalid_grant`,
 * `unsupported_grant_type`, HTTP 400). Like Salesforce, the password flow issues no refresh token; scenarios get
 * one from the `issueRefreshToken` action (standing in for the web-server flow). Also the identity URL
 * `/id/{orgId}/{userId}` the token response points at, and token revocation at `/services/oauth2/revoke`.
 */
import { checkLoginAllowed, checkPassword, issueSession } from '../auth.ts';
import { jsonResponse, SfError } from '../errors.ts';
import { normalizeId, randomToken } from '../ids.ts';
import type { Org } from '../org.ts';
import type { Row } from '../store.ts';
import type { Route, RouteMeta } from './types.ts';

export function oauthError(error: string, description: string, status = 400): Response {
  return jsonResponse({ error, error_description: description }, status);
}

function tokenResponse(org: Org, user: Row, accessToken: string): Response {
  return jsonResponse({
    access_token: accessToken,
    instance_url: org.origin,
    id: `${org.origin}/id/${org.orgId}/${String(user.Id)}`,
    token_type: 'Bearer',
    issued_at: String(org.clock.now()),
    signature: Buffer.from(randomToken(org.rng, 32)).toString('base64'),
  });
}

function fail(meta: RouteMeta, error: string, description: string): Response {
  meta.error = error;
  return oauthError(error, description);
}

export const oauthRoutes: Route[] = [
  {
    method: 'POST',
    path: '/services/oauth2/token',
    operation: 'login',
    auth: 'none',
    errorStyle: 'oauth',
    handle: async ({ org, request, meta }) => {
      const form = new URLSearchParams(await request.text());
      const grant = form.get('grant_type');
      const clientId = form.get('client_id') ?? '';
      const app = org.connectedApps.find((a) => a.clientId === clientId);
      if (grant !== 'password' && grant !== 'refresh_token') {
        return fail(meta, 'unsupported_grant_type', `grant type not supported: ${grant ?? '(none)'} (the sim serves password and refresh_token)`);
      }
      if (!app) return fail(meta, 'invalid_client_id', 'client identifier invalid');
      meta.principal = clientId;
      const secret = form.get('client_secret');
      if (grant === 'password') {
        if (secret !== app.clientSecret) return fail(meta, 'invalid_client', 'invalid client credentials');
        const username = form.get('username') ?? '';
        meta.principal = username;
        const outcome = checkPassword(org, username, form.get('password') ?? '');
        if ('failure' in outcome) {
          meta.note = outcome.failure;
          return fail(meta, 'invalid_grant', outcome.failure === 'INACTIVE_USER' ? 'inactive user' : outcome.failure === 'API_DISABLED' ? 'API is not enabled for this user' : 'authentication failure');
        }
        if (org.expiredPasswords.has(String(outcome.user.Id))) {
          meta.note = 'PASSWORD_EXPIRED';
          return fail(meta, 'invalid_grant', 'authentication failure - password expired');
        }
        return tokenResponse(org, outcome.user, issueSession(org, String(outcome.user.Id), 'oauth-password', clientId));
      }
      if (secret !== null && secret !== app.clientSecret) return fail(meta, 'invalid_client', 'invalid client credentials');
      const grantRecord = org.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grantRecord || grantRecord.clientId !== clientId) return fail(meta, 'invalid_grant', 'expired access/refresh token');
      const user = org.store.get(grantRecord.userId)?.row;
      const allowed = user ? checkLoginAllowed(org, user) : undefined;
      if (!user || !allowed || 'failure' in allowed) return fail(meta, 'invalid_grant', 'inactive user');
      meta.principal = String(user.Username);
      return tokenResponse(org, user, issueSession(org, String(user.Id), 'oauth-refresh', clientId));
    },
  },
  {
    method: 'POST',
    path: '/services/oauth2/revoke',
    operation: 'logout',
    auth: 'none',
    errorStyle: 'oauth',
    handle: async ({ org, request, meta }) => {
      const token = new URLSearchParams(await request.text()).get('token') ?? '';
      const session = org.sessions.get(token);
      if (session) {
        org.sessions.delete(token);
        return new Response(null, { status: 200 });
      }
      const grant = org.refreshTokens.get(token);
      if (grant) {
        // Revoking a refresh token also ends the sessions issued from it, as Salesforce does.
        org.refreshTokens.delete(token);
        for (const [id, s] of org.sessions) if (s.userId === grant.userId && s.clientId === grant.clientId) org.sessions.delete(id);
        return new Response(null, { status: 200 });
      }
      return fail(meta, 'invalid_token', 'invalid token');
    },
  },
  {
    method: 'GET',
    path: '/id/:orgId/:userId',
    operation: 'identity',
    auth: 'session',
    handle: ({ org, params, user }) => {
      if (normalizeId(params.orgId) !== org.orgId || normalizeId(params.userId) !== user.Id) {
        throw new SfError('FORBIDDEN', 'Bad_Id: the identity URL must name this org and the signed-in user', 403);
      }
      return jsonResponse({
        id: `${org.origin}/id/${org.orgId}/${String(user.Id)}`,
        asserted_user: true,
        user_id: user.Id,
        organization_id: org.orgId,
        username: user.Username,
        nick_name: user.Alias,
        display_name: user.Name,
        email: user.Email,
        first_name: user.FirstName,
        last_name: user.LastName,
        timezone: user.TimeZoneSidKey,
        active: user.IsActive,
        user_type: 'STANDARD',
        language: user.LanguageLocaleKey,
        locale: user.LocaleSidKey,
        is_lightning_login_user: false,
        urls: {
          rest: `${org.origin}/services/data/v{version}/`,
          sobjects: `${org.origin}/services/data/v{version}/sobjects/`,
          query: `${org.origin}/services/data/v{version}/query/`,
          profile: `${org.origin}/${String(user.Id)}`,
          custom_domain: org.origin,
        },
        last_modified_date: `${String(user.LastModifiedDate).slice(0, 19)}.000+0000`,
      });
    },
  },
];
