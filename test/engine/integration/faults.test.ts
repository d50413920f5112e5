import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type HarnessWorld } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const oneRep = (extra: Partial<HarnessWorld['org']> = {}): HarnessWorld => ({
  mailboxes: [{ address: 'ann@acme.test', department: 'Sales', salesforceSyncFolder: true }],
  org: { users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], contacts: [{ owner: 'ann', lastName: 'Lee', email: 'lee@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }], ...extra },
});

describe('throttling and faults, honoured in scenario time', () => {
  it('G-06: ErrorServerBusy with BackOffMilliseconds — no request to that mailbox before the back-off passed, then the cycle completes', async () => {
    h = await startHarness(oneRep());
    h.ex.faults.add({ id: 'busy', match: { operation: 'SyncFolderItems', target: 'ann@acme.test', nth: 1 }, effect: { kind: 'server-busy', backOffMs: 300_000 } });
    const cycle = await h.engine().runCycle();
    expect(cycle.errors).toEqual([]);
    const entries = h.ex.trace.entries((e) => e.target === 'ann@acme.test');
    const faulted = entries.find((e) => e.faultId === 'busy')!;
    const after = entries.filter((e) => e.seq > faulted.seq);
    expect(after.length).toBeGreaterThan(0);
    for (const e of after) expect(e.at).toBeGreaterThanOrEqual(faulted.at + 300_000);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toHaveLength(1);
  });

  it('G-06: HTTP 503 with Retry-After on EWS is waited out, and a mailbox that stays busy keeps its back-off into the next cycle', async () => {
    h = await startHarness(oneRep());
    h.ex.faults.add({ id: '503', match: { operation: 'FindFolder', target: 'ann@acme.test', nth: 1 }, effect: { kind: 'http-503', retryAfterSeconds: 120 } });
    const engine = h.engine({ maxRetries: 1 });
    expect((await engine.runCycle()).errors).toEqual([]);
    const entries = h.ex.trace.entries((e) => e.target === 'ann@acme.test');
    const faulted = entries.find((e) => e.faultId === '503')!;
    expect(entries.find((e) => e.seq > faulted.seq)!.at).toBeGreaterThanOrEqual(faulted.at + 120_000);

    h.ex.faults.add({ id: 'always-busy', match: { operation: 'SyncFolderItems', target: 'ann@acme.test' }, effect: { kind: 'server-busy', backOffMs: 600_000 } });
    h.clock.advance(60_000);
    const busy = await engine.runCycle();
    expect(busy.errors.map((e) => e.code)).toEqual(['ErrorServerBusy']);
    const lastBusy = h.ex.trace.entries((e) => e.faultId === 'always-busy').at(-1)!;
    h.ex.faults.clear();
    const next = await engine.runCycle();
    expect(next.errors).toEqual([]);
    const firstAfter = h.ex.trace.entries((e) => e.seq > lastBusy.seq && e.target === 'ann@acme.test')[0]!;
    expect(firstAfter.at).toBeGreaterThanOrEqual(lastBusy.at + 600_000);
  });

  it('SIM-SF-03: INVALID_SESSION_ID → exactly one re-login and the call succeeds; a permanent 401 ends the cycle with a bounded number of logins', async () => {
    h = await startHarness(oneRep());
    h.sf.faults.add({ id: 'expired', match: { operation: 'query', nth: 2 }, effect: { kind: 'sf-error', errorCode: 'INVALID_SESSION_ID', status: 401 } });
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]);
    expect(h.sf.trace.entries((e) => e.operation === 'login')).toHaveLength(2);

    h.sf.faults.clear();
    h.sf.faults.add({ id: 'always', match: { operation: 'query' }, effect: { kind: 'sf-error', errorCode: 'INVALID_SESSION_ID', status: 401 } });
    const before = h.sf.trace.entries((e) => e.operation === 'login').length;
    const failed = await engine.runCycle();
    expect(failed.errors.map((e) => e.code)).toEqual(['INVALID_SESSION_ID']);
    const logins = h.sf.trace.entries((e) => e.operation === 'login').length - before;
    expect(logins).toBeGreaterThanOrEqual(1);
    expect(logins).toBeLessThanOrEqual(5);
  });

  it('SIM-SF-03: REQUEST_LIMIT_EXCEEDED pauses the org for the rest of the cycle; the next cycle probes the budget (limits) and resumes', async () => {
    h = await startHarness(oneRep());
    h.sf.faults.add({ id: 'limit', match: { operation: 'query', times: 1 }, effect: { kind: 'sf-error', errorCode: 'REQUEST_LIMIT_EXCEEDED', status: 403 } });
    const engine = h.engine();
    const paused = await engine.runCycle();
    expect(paused.errors.map((e) => e.code)).toEqual(['REQUEST_LIMIT_EXCEEDED']);
    expect(paused.errors[0]!.message).toMatch(/at 2026-03-02T08:00:00.000Z; the engine pauses the org and resumes as soon as the rolling 24-hour budget has requests again/);
    const seq = h.sf.trace.lastSeq();
    h.clock.advance(60 * 60_000);
    // The fault was a one-off: the org's real budget is untouched, so the probe finds requests and the cycle runs.
    expect((await engine.runCycle()).errors).toEqual([]);
    expect(h.sf.trace.since(seq).filter((e) => e.operation !== 'login')[0]!.operation).toBe('limits');
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toHaveLength(1);
  });

  it('SIM-SF-03: UNABLE_TO_LOCK_ROW on a create is retried and the record is created exactly once', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', salesforceSyncFolder: true, contacts: [{ givenName: 'Lock', surname: 'Step', email1: 'lock@x.test' }] }],
      org: { users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    h.sf.faults.add({ id: 'lock', match: { operation: 'composite.sobjects.create', nth: 1 }, effect: { kind: 'sf-error', errorCode: 'UNABLE_TO_LOCK_ROW', status: 400 } });
    const cycle = await h.engine().runCycle();
    expect(cycle.errors).toEqual([]);
    expect(h.sf.faults.firedCount('lock')).toBe(1);
    expect(h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'lock@x.test')).toHaveLength(1);
  });

  it('ERR-01: an item Salesforce refuses becomes one LightningSyncError record with a suggested fix; the others sync', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', salesforceSyncFolder: true, contacts: [{ givenName: 'NoSurname', email1: 'nos@x.test' }, { givenName: 'Has', surname: 'Surname', email1: 'has@x.test' }] }],
      org: { users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => e.code)).toEqual(['REQUIRED_FIELD_MISSING']);
    expect(h.sf.actions.find('prod', 'Contact', (r) => r.Email === 'has@x.test')).toHaveLength(1);
    const errors = h.sf.actions.find('prod', 'LightningSyncError');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ObjectType: 'Contact', Direction: 'exchange-to-salesforce', ErrorCode: 'REQUIRED_FIELD_MISSING', UserId: h.sf.actions.userId('prod', 'ann') });
    expect(String(errors[0]!.SuggestedFix)).toContain('last name');
    expect(String(errors[0]!.ExchangeItemId)).not.toBe('');
  });

  it('ERR-01 / G-01: a refused item is retried every cycle without a new error record, and syncs once the cause is gone', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', calendar: [{ subject: 'Call', start: '2026-03-02T15:00:00Z', end: '2026-03-02T16:00:00Z' }] }],
      org: { users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], configs: [{ name: 'Sales', users: ['ann'], contacts: { direction: 'dont-sync' }, events: { direction: 'exchange-to-salesforce' } }] },
    });
    // Creates in order: #1 the event, #2 its error record, #3 the user status; cycle 2: #4 the event again.
    h.sf.faults.add({ id: 'refuse', match: { operation: 'composite.sobjects.create', nth: [1, 4] }, effect: { kind: 'sf-error', errorCode: 'REQUIRED_FIELD_MISSING', status: 400, message: 'Required fields are missing: [Subject]' } });
    const engine = h.engine();
    expect((await engine.runCycle()).errors.map((e) => e.code)).toEqual(['REQUIRED_FIELD_MISSING']);
    h.clock.advance(60_000);
    expect((await engine.runCycle()).errors.map((e) => e.code)).toEqual(['REQUIRED_FIELD_MISSING']);
    expect(h.sf.actions.find('prod', 'LightningSyncError')).toHaveLength(1);
    h.clock.advance(60_000);
    expect((await engine.runCycle()).errors).toEqual([]);
    expect(h.sf.actions.find('prod', 'Event', (r) => r.Subject === 'Call')).toHaveLength(1);
  });

  it('SIM-EX-03: ErrorExceededConnectionCount is retried; a reset connection on a write is not resent, and the next cycle creates the item once', async () => {
    h = await startHarness(oneRep());
    h.ex.faults.add({ id: 'conn-count', match: { operation: 'SyncFolderItems', target: 'ann@acme.test', nth: 1 }, effect: { kind: 'connection-count' } });
    h.ex.faults.add({ id: 'reset', match: { operation: 'CreateItem', target: 'ann@acme.test', nth: 1 }, effect: { kind: 'connection-reset' } });
    const engine = h.engine();
    const first = await engine.runCycle();
    expect(h.ex.faults.firedCount('conn-count')).toBe(1);
    expect(first.errors.map((e) => e.code)).toEqual(['NetworkError']);
    expect(h.ex.faults.firedCount('reset')).toBe(1);
    h.clock.advance(60_000);
    expect((await engine.runCycle()).errors).toEqual([]);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').map((i) => i.props.Surname)).toEqual(['Lee']);
  });

  it('a wrong Salesforce password ends the cycle with INVALID_LOGIN and what to check; Exchange is never contacted', async () => {
    h = await startHarness(oneRep());
    h.config.salesforce = { ...h.config.salesforce, password: 'wrong-password' };
    const seq = h.ex.trace.lastSeq();
    const cycle = await h.engine().runCycle();
    expect(cycle.errors.map((e) => e.code)).toEqual(['INVALID_LOGIN']);
    expect(cycle.errors[0]!.message).toContain('salesforce.username/password');
    expect(cycle.errors[0]!.message).not.toContain('wrong-password');
    expect(h.ex.trace.since(seq)).toEqual([]);
  });
});
