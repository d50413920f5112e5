import { describe, expect, it } from 'vitest';
import {
  changedFields, directionStatus, orgActivity, pruneSyncLog, resetStatusLabel, systemStatus, userStatus, type UserConnectionFacts,
} from '../../../src/sync/status/index.ts';
import { emptyState, makeConfig, NOW } from './support/builders.ts';

const connected: UserConnectionFacts = { mailboxSupportedVersion: true, recognizedByServiceAccount: true, contactsFolderFound: true, calendarFolderFound: true, emailLinked: true };
const facts = { configured: true, initialSyncDone: false, initialCompletedThisCycle: false, started: false, pending: 0 };

describe('STAT-04 direction statuses', () => {
  it.each([
    [{ configured: false }, 'Exchange configuration not set to sync'],
    [{}, 'Not started'],
    [{ started: true }, 'Initial sync in progress'],
    [{ started: true, initialSyncDone: true, initialCompletedThisCycle: true }, 'Initial sync completed'],
    [{ started: true, initialSyncDone: true, pending: 3 }, 'Sync in progress'],
    [{ started: true, initialSyncDone: true }, 'In sync'],
  ])('%j → %s', (over, expected) => {
    expect(directionStatus({ ...facts, ...over })).toBe(expected);
  });

  it('a rep syncing contacts SF→EX only is "not set to sync" EX→SF, and events follow their own direction', () => {
    const state = emptyState();
    state.initialSyncDone = { 'Contact:salesforce-to-exchange': true };
    state.pairings.push({ object: 'Contact', sfId: 'S', exId: 'E', exChangeKey: '', sfModstamp: '', syncedHash: '', synced: {}, pairedAt: 0 });
    state.pairings.push({ object: 'Event', sfId: 'S2', exId: 'E2', exChangeKey: '', sfModstamp: '', syncedHash: '', synced: {}, pairedAt: 0, frozen: true });
    state.syncLog.push({ at: NOW - 5000, object: 'Contact' });
    const s = userStatus({ userId: '005A', config: makeConfig({ ContactSyncDirection: 'SalesforceToExchange', EventSyncDirection: 'DontSync' }), state, connection: connected, outlookIntegrationSetUp: false });
    expect(s).toMatchObject({
      AssignedToActiveConfig: true, ContactsSfToExStatus: 'In sync', ContactsExToSfStatus: 'Exchange configuration not set to sync',
      EventsSfToExStatus: 'Exchange configuration not set to sync', ContactsInSync: 1, EventsInSync: 0, OutlookIntegrationSetUp: false,
      LastSyncTime: new Date(NOW - 5000).toISOString(), ResetStatus: null,
    });
  });

  it('a rep with no config is not assigned and every direction says so', () => {
    const s = userStatus({ userId: '005A', config: undefined, state: undefined, connection: connected, outlookIntegrationSetUp: true });
    expect(s.AssignedToActiveConfig).toBe(false);
    expect(new Set([s.ContactsSfToExStatus, s.ContactsExToSfStatus, s.EventsSfToExStatus, s.EventsExToSfStatus])).toEqual(new Set(['Exchange configuration not set to sync']));
  });
});

describe('STAT-03 reset status', () => {
  it('shows Marked for reset / Reset in progress, and nothing when done', () => {
    const state = { ...emptyState(), resetStatus: 'MarkedForReset' as const };
    const s = userStatus({ userId: '005A', config: makeConfig(), state, connection: connected, outlookIntegrationSetUp: true });
    expect(resetStatusLabel(s.ResetStatus)).toBe('Marked for reset');
    expect(resetStatusLabel('ResetInProgress')).toBe('Reset in progress');
    expect(resetStatusLabel(null)).toBeUndefined();
  });

  it('G-02: only changed fields are written', () => {
    const next = userStatus({ userId: '005A', config: makeConfig(), state: emptyState(), connection: connected, outlookIntegrationSetUp: true });
    expect(changedFields(next, next)).toEqual({});
    expect(changedFields({ ...next, EmailLinked: false }, next)).toEqual({ EmailLinked: true });
    expect(Object.keys(changedFields(undefined, next))).toContain('UserId');
  });
});

describe('STAT-02 org activity', () => {
  it('counts records synced in the last 60 minutes and 24 hours, per object', () => {
    const logs = [
      [{ at: NOW - 10 * 60_000, object: 'Contact' as const }, { at: NOW - 3 * 3_600_000, object: 'Contact' as const }],
      [{ at: NOW - 30 * 3_600_000, object: 'Event' as const }, { at: NOW - 59 * 60_000, object: 'Contact' as const }],
    ];
    const a = orgActivity(logs, NOW);
    expect(a.Contact).toEqual({ lastSyncActivity: new Date(NOW - 10 * 60_000).toISOString(), freshness: 'minutes', last60Minutes: 2, last24Hours: 3 });
    expect(a.Event).toMatchObject({ freshness: 'past-date', last60Minutes: 0, last24Hours: 0 });
    expect(orgActivity([], NOW).Contact).toEqual({ lastSyncActivity: null, freshness: 'never', last60Minutes: 0, last24Hours: 0 });
    expect(pruneSyncLog(logs[1], NOW)).toEqual([logs[1][1]]);
  });

  it('an entry with a count stands for that many records (one entry per instant, issue #6)', () => {
    const a = orgActivity([[{ at: NOW - 10 * 60_000, object: 'Contact' as const, count: 1_500 }, { at: NOW - 2 * 3_600_000, object: 'Contact' as const }]], NOW);
    expect(a.Contact).toMatchObject({ last60Minutes: 1_500, last24Hours: 1_501 });
  });
});

describe('STAT-01 system status', () => {
  it.each([[5, 5, 'expected'], [5, 3, 'unexpected'], [5, 0, 'none']])('%i assigned, %i linked → %s', (assigned, linked, verdict) => {
    const s = systemStatus({ serviceAccountUsername: 'svc@acme.test', outlookIntegrationEnabled: true, serviceAccountRecognized: true, assignedReps: assigned, linkedReps: linked });
    expect(s.linkedUsers).toEqual({ count: linked, verdict });
  });

  it('says None without a service account and No when Outlook integration is off', () => {
    expect(systemStatus({ serviceAccountUsername: '', outlookIntegrationEnabled: false, serviceAccountRecognized: null, assignedReps: 0, linkedReps: 0 }))
      .toMatchObject({ serviceAccountUserName: 'None', outlookIntegrationEnabled: 'No' });
  });
});
