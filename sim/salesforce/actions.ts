/**
 * @module
 * Rep and admin actions for scenarios, in-process and (as JSON) over `/_sim/action`: create/update/delete records
 * AS a given user (sharing, permissions and validation apply; system fields stamped), edit/activate configurations,
 * assign users and profiles (CFG-02 applies), mark a user for reset (RST-01), fix a sandbox email (ORG-03), toggle
 * the org's Outlook integration and a user's setup flag (CFG-04), deactivate users, expire sessions, issue refresh
 * tokens, purge the recycle bin; plus read helpers for expectations.
 */
import { expireSessions, findUserByUsername } from './auth.ts';
import { applyJsonAction } from './action-json.ts';
import { deleteRecord, insertRecord, updateRecord } from './dml.ts';
import { undeleteRecord } from './recycle-bin.ts';
import { normalizeId } from './ids.ts';
import type { Org } from './org.ts';
import type { SimShared } from './routes/types.ts';
import type { SalesforceActions, UserRef } from './action-types.ts';
import type { Row } from './store.ts';
import { denseRow } from './row.ts';
import { LIGHTNING_SYNC_OBJECTS as LS } from './world.ts';

interface SimLike {
  org(id: string): { model: Org; admin: { username: string } };
}

export type { SalesforceActions, UserRef } from './action-types.ts';

export function createActions(sim: SimLike, shared: SimShared): SalesforceActions {
  const model = (org: string): Org => sim.org(org).model;
  const adminOf = (org: string): string => resolveUser(model(org), sim.org(org).admin.username);
  const configId = (org: string, name: string): string => {
    const row = [...model(org).store.rowsOf(LS.config)].find((r) => r.IsDeleted !== true && r.Name === name);
    if (!row) throw new Error(`salesforce actions: org "${org}" has no configuration named "${name}"`);
    return String(row.Id);
  };
  const userStatus = (org: string, userId: string): Row | undefined =>
    [...model(org).store.rowsOf(LS.userStatus)].find((r) => r.IsDeleted !== true && r.UserId === userId);

  const actions: SalesforceActions = {
    userId: (org, user) => resolveUser(model(org), user),
    createRecord: (org, as, type, fields) => insertRecord(model(org), resolveUser(model(org), as), type, fields),
    updateRecord: (org, as, id, fields) => void updateRecord(model(org), resolveUser(model(org), as), undefined, id, fields),
    deleteRecord: (org, as, id) => void deleteRecord(model(org), resolveUser(model(org), as), undefined, id),
    undeleteRecord: (org, as, id) => void undeleteRecord(model(org), resolveUser(model(org), as), id),
    updateConfig: (org, name, fields) => void updateRecord(model(org), adminOf(org), LS.config, configId(org, name), fields),
    setConfigActive: (org, name, active) => actions.updateConfig(org, name, { IsActive: active }),
    assignUser: (org, name, user) =>
      insertRecord(model(org), adminOf(org), LS.assignment, { ConfigId: configId(org, name), AssigneeType: 'User', AssigneeId: resolveUser(model(org), user) }),
    assignProfile(org, name, profileName) {
      const profileId = model(org).refs.get(`profile:${profileName}`);
      if (!profileId) throw new Error(`salesforce actions: org "${org}" has no profile "${profileName}"`);
      return insertRecord(model(org), adminOf(org), LS.assignment, { ConfigId: configId(org, name), AssigneeType: 'Profile', AssigneeId: profileId });
    },
    unassign(org, name, assignee) {
      const id = configId(org, name);
      const target = model(org).refs.get(`profile:${assignee}`) ?? resolveUser(model(org), assignee);
      const rows = [...model(org).store.rowsOf(LS.assignment)].filter((r) => r.IsDeleted !== true && r.ConfigId === id && r.AssigneeId === target);
      for (const r of rows) deleteRecord(model(org), adminOf(org), LS.assignment, r.Id);
      return rows.length;
    },
    markForReset(org, user) {
      const userId = resolveUser(model(org), user);
      const existing = userStatus(org, userId);
      if (existing) updateRecord(model(org), adminOf(org), LS.userStatus, existing.Id, { ResetStatus: 'MarkedForReset' });
      else insertRecord(model(org), adminOf(org), LS.userStatus, { UserId: userId, ResetStatus: 'MarkedForReset' });
    },
    fixSandboxEmail(org, user, email) {
      const m = model(org);
      const userId = resolveUser(m, user);
      const current = String(m.store.get(userId)!.row.Email);
      const fixed = email ?? current.replace(/\.invalid$/, '');
      updateRecord(m, adminOf(org), 'User', userId, { Email: fixed });
      return fixed;
    },
    setOutlookIntegration(org, enabled) {
      const setup = [...model(org).store.rowsOf(LS.setup)].find((r) => r.IsDeleted !== true);
      if (setup) updateRecord(model(org), adminOf(org), LS.setup, setup.Id, { OutlookIntegrationEnabled: enabled });
      else insertRecord(model(org), adminOf(org), LS.setup, { OutlookIntegrationEnabled: enabled });
    },
    setUserOutlookSetUp: (org, user, setUp) =>
      void updateRecord(model(org), adminOf(org), 'User', resolveUser(model(org), user), { OutlookIntegrationSetUp: setUp }),
    setUserActive(org, user, active) {
      const userId = resolveUser(model(org), user);
      updateRecord(model(org), adminOf(org), 'User', userId, { IsActive: active });
      if (!active) expireSessions(model(org), userId);
    },
    setPassword(org, user, password) {
      if (!password) throw new Error('salesforce actions: setPassword needs a non-empty password');
      const userId = resolveUser(model(org), user);
      model(org).passwords.set(userId, password);
      model(org).loginFailures.delete(userId); // an admin reset also unlocks the user
      model(org).expiredPasswords.delete(userId);
    },
    expirePassword: (org, user) => void model(org).expiredPasswords.add(resolveUser(model(org), user)),
    expireSessions: (org, user) => expireSessions(model(org), user === undefined ? undefined : resolveUser(model(org), user)),
    issueRefreshToken(org, user, clientId) {
      const m = model(org);
      if (!m.connectedApps.some((a) => a.clientId === clientId)) {
        throw new Error(`salesforce actions: org "${org}" has no connected app "${clientId}"; add it under connectedApps`);
      }
      const token = m.newRefreshToken();
      m.refreshTokens.set(token, { userId: resolveUser(m, user), clientId });
      return token;
    },
    emptyRecycleBin(org) {
      const m = model(org);
      const gone = [...m.store.deleteLog()].map((e) => e.id).filter((id) => m.store.get(id)?.row.IsDeleted === true);
      for (const id of gone) m.store.purge(id);
      m.purgedAt = shared.clock.now();
      return gone.length;
    },
    find(org, type, predicate, options) {
      const rows = [...model(org).store.rowsOf(type)].filter((r) => options?.includeDeleted || r.IsDeleted !== true);
      return (predicate ? rows.filter(predicate) : rows).map(denseRow);
    },
    get: (org, id) => {
      const row = model(org).store.get(normalizeId(id) ?? id)?.row;
      return row ? denseRow(row) : undefined;
    },
    apply: (action) => applyJsonAction(actions, action),
  };
  return actions;
}

export function resolveUser(org: Org, user: UserRef): string {
  const byRef = org.refs.get(`user:${user}`);
  if (byRef) return byRef;
  const row = findUserByUsername(org, user);
  if (row) return String(row.Id);
  if (org.store.get(user)?.type === 'User') return user;
  throw new Error(`salesforce actions: org "${org.label}" has no user "${user}" (give a world user ref or a username)`);
}
