/**
 * @module
 * Password checks and sessions. A session times out after the org's `sessionSeconds` without a request (scenario
 * clock), as Salesforce's inactivity timeout does; a fresh login always works afterwards, so jsforce's re-login on
 * INVALID_SESSION_ID recovers. Inactive users and users without API Enabled cannot log in.
 */
import { permissionsOf } from './access.ts';
import type { Org, Session } from './org.ts';
import type { Row } from './store.ts';

export type LoginFailure = 'INVALID_LOGIN' | 'INACTIVE_USER' | 'API_DISABLED' | 'LOCKED_OUT';

export function findUserByUsername(org: Org, username: string): Row | undefined {
  const wanted = username.trim().toLowerCase();
  for (const row of org.store.rowsOf('User')) {
    if (row.IsDeleted !== true && String(row.Username).toLowerCase() === wanted) return row;
  }
  return undefined;
}

/**
 * Password check with Salesforce's lockout: after `maxLoginAttempts` failures in a row the user is locked out for
 * `lockoutMinutes` (scenario time), even with the right password — the hazard of an engine retrying a wrong password.
 * Like Salesforce, a locked-out login answers the same INVALID_LOGIN as a wrong password.
 */
export function checkPassword(org: Org, username: string, password: string): { user: Row } | { failure: LoginFailure } {
  const user = findUserByUsername(org, username);
  if (!user) return { failure: 'INVALID_LOGIN' };
  const id = String(user.Id);
  const now = org.clock.now();
  const record = org.loginFailures.get(id);
  if (record && record.lockedUntil > now) return { failure: 'LOCKED_OUT' };
  if (org.passwords.get(id) !== password) {
    const count = (record && record.lockedUntil === 0 ? record.count : 0) + 1;
    const locked = org.maxLoginAttempts > 0 && count >= org.maxLoginAttempts;
    org.loginFailures.set(id, { count: locked ? 0 : count, lockedUntil: locked ? now + org.lockoutMs : 0 });
    return { failure: locked ? 'LOCKED_OUT' : 'INVALID_LOGIN' };
  }
  org.loginFailures.delete(id);
  return checkLoginAllowed(org, user);
}

export function checkLoginAllowed(org: Org, user: Row): { user: Row } | { failure: LoginFailure } {
  if (user.IsActive !== true) return { failure: 'INACTIVE_USER' };
  if (!permissionsOf(org, String(user.Id)).has('ApiEnabled')) return { failure: 'API_DISABLED' };
  return { user };
}

export function issueSession(org: Org, userId: string, via: Session['via'], clientId?: string): string {
  const token = org.newSessionId();
  org.sessions.set(token, { userId, lastUsed: org.clock.now(), via, ...(clientId ? { clientId } : {}) });
  return token;
}

/** The session for a bearer token, refreshed; undefined when unknown, expired or its user was deactivated. */
export function useSession(org: Org, token: string): { session: Session; user: Row } | undefined {
  const session = org.sessions.get(token);
  if (!session) return undefined;
  const now = org.clock.now();
  if (now - session.lastUsed >= org.sessionSeconds * 1000) {
    org.sessions.delete(token);
    return undefined;
  }
  const user = org.store.get(session.userId)?.row;
  if (!user || user.IsActive !== true) {
    org.sessions.delete(token);
    return undefined;
  }
  session.lastUsed = now;
  return { session, user };
}

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? '';
  const m = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
}

/** Ends every session of the org (admin action "expire sessions", or a user deactivated). */
export function expireSessions(org: Org, userId?: string): number {
  let n = 0;
  for (const [token, s] of org.sessions) {
    if (userId === undefined || s.userId === userId) {
      org.sessions.delete(token);
      n++;
    }
  }
  return n;
}
