import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioClock } from '#time/clock.ts';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { failure, login, loginAdmin, smallWorld, startSim } from './helpers.ts';

let sim: SalesforceSim;
let clock: ScenarioClock;
beforeEach(async () => ({ sim, clock } = await startSim()));
afterEach(() => sim.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('updated / deleted (SIM-SF-01)', () => {
  it('reports changed and deleted ids inside the window', async () => {
    const conn = await loginAdmin(sim);
    clock.advance(60_000); // past the world's records, created at the start
    const t0 = new Date(clock.now());
    clock.advance(HOUR - 60_000);
    const { id } = (await conn.sobject('Contact').create({ LastName: 'New' })) as { id: string };
    clock.advance(HOUR);
    await conn.sobject('Contact').destroy(id);
    clock.advance(HOUR);
    const updated = await conn.sobject('Contact').updated(t0, new Date(clock.now()));
    expect(updated.ids).toEqual([]); // created then deleted: only in deleted
    const deleted = await conn.sobject('Contact').deleted(t0, new Date(clock.now()));
    expect(deleted.deletedRecords).toEqual([{ id, deletedDate: '2026-03-02T10:00:00.000+0000' }]);
    expect(deleted.latestDateCovered).toBe('2026-03-02T11:00:00.000+0000');
    const { id: other } = (await conn.sobject('Contact').create({ LastName: 'Kept' })) as { id: string };
    clock.advance(60_000);
    expect((await conn.sobject('Contact').updated(t0, new Date(clock.now()))).ids).toEqual([other]);
  });

  it('start after end, or before the window → INVALID_REPLICATION_DATE; earliestDateAvailable after a purge', async () => {
    const conn = await loginAdmin(sim);
    const now = clock.now();
    expect((await failure(conn.sobject('Event').updated(new Date(now), new Date(now - HOUR)))).errorCode).toBe('INVALID_REPLICATION_DATE');
    expect((await failure(conn.sobject('Event').updated(new Date(now - 31 * DAY), new Date(now)))).errorCode).toBe('INVALID_REPLICATION_DATE');
    expect((await conn.sobject('Event').updated(new Date(now - 29 * DAY), new Date(now))).ids).toEqual([]);
    expect((await failure(conn.sobject('Event').deleted(new Date(now - 16 * DAY), new Date(now)))).errorCode).toBe('INVALID_REPLICATION_DATE');
    const ok = await conn.sobject('Event').deleted(new Date(now - 14 * DAY), new Date(now));
    expect(ok.earliestDateAvailable).toBe('2026-02-15T00:00:00.000+0000');
    clock.advance(HOUR);
    sim.actions.emptyRecycleBin('prod');
    const after = await conn.sobject('Event').deleted(new Date(now - 14 * DAY), new Date(clock.now()));
    expect(Date.parse(after.earliestDateAvailable.replace('+0000', 'Z'))).toBe(now + HOUR); // later than start: resync needed
  });
});

describe('limits and the daily API budget', () => {
  it('counts every call in a rolling 24 h and answers 403 REQUEST_LIMIT_EXCEEDED past it', async () => {
    await sim.close();
    const world = smallWorld();
    world.orgs[0]!.dailyApiLimit = 5;
    ({ sim, clock } = await startSim(world));
    const conn = await loginAdmin(sim);
    const first = (await conn.limits()) as unknown as { DailyApiRequests: { Max: number; Remaining: number } };
    expect(first.DailyApiRequests).toEqual({ Max: 5, Remaining: 4 });
    for (let i = 0; i < 4; i++) await conn.limits();
    const f = await failure(conn.limits());
    expect(f.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    clock.advance(DAY);
    expect(((await conn.limits()) as unknown as { DailyApiRequests: { Remaining: number } }).DailyApiRequests.Remaining).toBe(4);
  });
});

describe('faults as jsforce surfaces them', () => {
  it('sf-error UNABLE_TO_LOCK_ROW on create, recorded with the fault id', async () => {
    const conn = await loginAdmin(sim);
    sim.faults.set([{ id: 'lock', match: { operation: 'sobjects.create', target: 'prod', nth: 1 }, effect: { kind: 'sf-error', errorCode: 'UNABLE_TO_LOCK_ROW' } }]);
    const f = await failure(conn.sobject('Contact').create({ LastName: 'X' }));
    expect(f.errorCode).toBe('UNABLE_TO_LOCK_ROW');
    expect(((await conn.sobject('Contact').create({ LastName: 'X' })) as { success: boolean }).success).toBe(true);
    expect(sim.trace.entries((e) => e.faultId === 'lock')).toEqual([expect.objectContaining({ status: 400, error: 'UNABLE_TO_LOCK_ROW', write: false })]);
  });

  it('INVALID_SESSION_ID mid-run: jsforce re-logs in once and carries on', async () => {
    const conn = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    sim.faults.set([{ id: 'sess', match: { operation: 'limits', times: 1 }, effect: { kind: 'sf-error', errorCode: 'INVALID_SESSION_ID' } }]);
    let refreshes = 0;
    conn.on('refresh', () => {
      if (++refreshes > 3) throw new Error('re-login loop');
    });
    await conn.limits();
    expect(refreshes).toBe(1);
    expect(sim.trace.entries().map((e) => `${e.operation}:${e.status}`).slice(-3)).toEqual(['limits:401', 'login:200', 'limits:200']);
  });

  it('REQUEST_LIMIT_EXCEEDED 403 and http-503 with a JSON error array and Retry-After', async () => {
    const conn = await loginAdmin(sim);
    sim.faults.set([
      { id: 'limit', match: { operation: 'query', nth: 1 }, effect: { kind: 'sf-error', errorCode: 'REQUEST_LIMIT_EXCEEDED' } },
      { id: 'busy', match: { operation: 'describe' }, effect: { kind: 'http-503', retryAfterSeconds: 120 } },
    ]);
    expect((await failure(conn.query('SELECT Id FROM Contact'))).errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect((await failure(conn.sobject('Contact').describe())).errorCode).toBe('SERVER_UNAVAILABLE');
    const raw = await fetch(`${conn.instanceUrl}/services/data/v62.0/sobjects/Contact/describe`, { headers: { authorization: `Bearer ${conn.accessToken}` } });
    expect(raw.status).toBe(503);
    expect(raw.headers.get('retry-after')).toBe('120');
    expect(await raw.json()).toEqual([expect.objectContaining({ errorCode: 'SERVER_UNAVAILABLE' })]);
  });

  it('latency advances the scenario clock; connection-reset drops the socket; login faults are SOAP faults', async () => {
    const conn = await loginAdmin(sim);
    const before = clock.now();
    sim.faults.set([
      { id: 'slow', match: { operation: 'limits', nth: 1 }, effect: { kind: 'latency', ms: 30_000 } },
      { id: 'reset', match: { operation: 'describeGlobal', nth: 1 }, effect: { kind: 'connection-reset' } },
      { id: 'nologin', match: { operation: 'login', nth: 1 }, effect: { kind: 'sf-error', errorCode: 'SERVER_UNAVAILABLE', message: 'down for maintenance' } },
    ]);
    await conn.limits();
    expect(clock.now() - before).toBe(30_000);
    const reset = await failure(conn.describeGlobal());
    expect(reset.message).toMatch(/socket hang up|ECONNRESET/);
    expect((await conn.describeGlobal()).sobjects.length).toBeGreaterThan(10);
    const f = await failure(loginAdmin(sim));
    expect(f.message).toBe('SERVER_UNAVAILABLE: down for maintenance');
    expect(sim.trace.totals.faults).toBe(3);
  });
});

describe('undelete (action)', () => {
  it('brings a record and its cascaded children back; updated reports it, deleted no longer does', async () => {
    const conn = await loginAdmin(sim);
    clock.advance(60_000);
    const t0 = new Date(clock.now());
    const account = sim.actions.find('prod', 'Account')[0]!.Id as string;
    clock.advance(60_000);
    await conn.sobject('Account').destroy(account);
    expect(sim.actions.find('prod', 'Contact')).toHaveLength(0); // the account took its contact
    clock.advance(60_000);
    sim.actions.undeleteRecord('prod', 'admin', account);
    expect(sim.actions.find('prod', 'Contact')).toHaveLength(1);
    clock.advance(60_000);
    const now = new Date(clock.now());
    expect((await conn.sobject('Account').updated(t0, now)).ids).toEqual([account]);
    expect((await conn.sobject('Account').deleted(t0, now)).deletedRecords).toEqual([]);
    expect(() => sim.actions.undeleteRecord('prod', 'admin', account)).toThrow(/not deleted/);
  });
});
