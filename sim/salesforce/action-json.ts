/**
 * @module
 * JSON form of the rep/admin actions, for `POST /_sim/action` and scenario files:
 * `{ "action": "createRecord", "org": "prod", "as": "ana", "type": "Contact", "fields": { … } }`. Missing arguments
 * and unknown actions are MISSING_ARGUMENT / INVALID_OPERATION errors that list what is expected.
 */
import type { SalesforceActions } from './action-types.ts';
import { SfError } from './errors.ts';

const JSON_ACTIONS = [
  'createRecord', 'updateRecord', 'deleteRecord', 'undeleteRecord', 'updateConfig', 'setConfigActive', 'assignUser', 'assignProfile', 'unassign',
  'markForReset', 'fixSandboxEmail', 'setOutlookIntegration', 'setUserOutlookSetUp', 'setUserActive', 'setPassword', 'expirePassword', 'expireSessions',
  'issueRefreshToken', 'emptyRecycleBin', 'find', 'get',
] as const;

export function applyJsonAction(a: SalesforceActions, action: Record<string, unknown>): unknown {
  const s = (key: string): string => {
    const v = action[key];
    if (typeof v !== 'string' || v === '') throw new SfError('MISSING_ARGUMENT', `action "${String(action.action)}" needs a string "${key}"`, 400, [key]);
    return v;
  };
  const fields = (action.fields ?? {}) as Record<string, unknown>;
  const b = (key: string): boolean => action[key] === true;
  switch (action.action) {
    case 'createRecord': return { id: a.createRecord(s('org'), s('as'), s('type'), fields) };
    case 'updateRecord': return a.updateRecord(s('org'), s('as'), s('id'), fields);
    case 'deleteRecord': return a.deleteRecord(s('org'), s('as'), s('id'));
    case 'undeleteRecord': return a.undeleteRecord(s('org'), s('as'), s('id'));
    case 'updateConfig': return a.updateConfig(s('org'), s('config'), fields);
    case 'setConfigActive': return a.setConfigActive(s('org'), s('config'), b('active'));
    case 'assignUser': return { id: a.assignUser(s('org'), s('config'), s('user')) };
    case 'assignProfile': return { id: a.assignProfile(s('org'), s('config'), s('profile')) };
    case 'unassign': return { removed: a.unassign(s('org'), s('config'), s('assignee')) };
    case 'markForReset': return a.markForReset(s('org'), s('user'));
    case 'fixSandboxEmail': return { email: a.fixSandboxEmail(s('org'), s('user'), action.email as string | undefined) };
    case 'setOutlookIntegration': return a.setOutlookIntegration(s('org'), b('enabled'));
    case 'setUserOutlookSetUp': return a.setUserOutlookSetUp(s('org'), s('user'), b('setUp'));
    case 'setUserActive': return a.setUserActive(s('org'), s('user'), b('active'));
    case 'setPassword': return a.setPassword(s('org'), s('user'), s('password'));
    case 'expirePassword': return a.expirePassword(s('org'), s('user'));
    case 'expireSessions': return { expired: a.expireSessions(s('org'), action.user as string | undefined) };
    case 'issueRefreshToken': return { refreshToken: a.issueRefreshToken(s('org'), s('user'), s('clientId')) };
    case 'emptyRecycleBin': return { purged: a.emptyRecycleBin(s('org')) };
    case 'find': return a.find(s('org'), s('type'), undefined, { includeDeleted: b('includeDeleted') });
    case 'get': return a.get(s('org'), s('id')) ?? null;
    default:
      throw new SfError('INVALID_OPERATION', `unknown action "${String(action.action)}"; known actions: ${JSON_ACTIONS.join(', ')}`);
  }
}
