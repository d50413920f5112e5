/**
 * Issue #2 §7 through the real jsforce: every request the Salesforce sim answers is in its trace — a request dropped
 * by a connection-reset fault (with the fault id), SOAP and OAuth logins — and no password, session id, access token
 * or client secret ever is.
 */
import jsforce from 'jsforce';
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { CLIENT, login, startSim } from './helpers.ts';

let sim: SalesforceSim;
beforeAll(async () => {
  ({ sim } = await startSim());
});
afterAll(() => sim.close());
afterEach(() => sim.faults.clear());

const admin = () => sim.org('prod').admin;
const traceText = () => JSON.stringify(sim.trace.entries());

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to be rejected, but it resolved');
}

describe('connection-reset faults are traced with their id (issue #2 §7)', () => {
  it('a reset sObject Collections create: one entry, fault id, status 0, no write, nothing created', async () => {
    const conn = await login(sim, 'prod', admin().username, admin().password);
    sim.faults.set([{ id: 'drop-insert', match: { operation: 'composite.sobjects.create', nth: 1 }, effect: { kind: 'connection-reset' } }]);
    const before = (await conn.query('SELECT Id FROM Contact')).totalSize;
    const mark = sim.trace.lastSeq();
    const faults = sim.trace.totals.faults;
    const error = await failure(conn.sobject('Contact').create([{ LastName: 'Dropped1' }, { LastName: 'Dropped2' }], { allOrNone: true }));
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
    expect(sim.trace.since(mark)).toEqual([
      expect.objectContaining({ sim: 'salesforce', operation: 'composite.sobjects.create', target: 'prod', faultId: 'drop-insert', status: 0, write: false, error: 'ConnectionReset' }),
    ]);
    expect(sim.trace.totals.faults).toBe(faults + 1);
    expect((await conn.query('SELECT Id FROM Contact')).totalSize).toBe(before);
  });

  it('a reset SOAP login is traced under login with the fault id, and the next login works', async () => {
    sim.faults.set([{ id: 'drop-login', match: { operation: 'login', nth: 1 }, effect: { kind: 'connection-reset' } }]);
    const mark = sim.trace.lastSeq();
    const error = await failure(login(sim, 'prod', admin().username, admin().password));
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
    expect(sim.trace.since(mark)).toEqual([expect.objectContaining({ operation: 'login', path: '/services/Soap/u/62.0', faultId: 'drop-login', status: 0, error: 'ConnectionReset' })]);
    await login(sim, 'prod', admin().username, admin().password);
    expect(sim.trace.entries().at(-1)).toMatchObject({ operation: 'login', status: 200, principal: admin().username });
  });
});

describe('login and token requests are traced without secrets', () => {
  it('SOAP login: the user name, never the password or the session id', async () => {
    const mark = sim.trace.lastSeq();
    const conn = await login(sim, 'prod', admin().username, admin().password);
    const [entry] = sim.trace.since(mark);
    expect(entry).toMatchObject({ operation: 'login', method: 'POST', path: '/services/Soap/u/62.0', principal: admin().username, status: 200, write: false });
    expect(entry?.error).toBeUndefined();
    const text = traceText();
    expect(text).not.toContain(admin().password);
    expect(text).not.toContain(conn.accessToken!);
  });

  it('OAuth password grant: traced under login at /services/oauth2/token; a bad secret is an invalid_client entry', async () => {
    const oauth2 = { loginUrl: sim.org('prod').loginUrl, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: 'http://localhost/cb' };
    const conn = new jsforce.Connection({ oauth2, version: '62.0' });
    const mark = sim.trace.lastSeq();
    await conn.login('ana@acme.test', 'ana-pw');
    const bad = new jsforce.Connection({ oauth2: { ...oauth2, clientSecret: 'not-the-client-secret' }, version: '62.0' });
    await failure(bad.login('ana@acme.test', 'ana-pw'));
    const entries = sim.trace.since(mark);
    expect(entries).toEqual([
      expect.objectContaining({ operation: 'login', path: '/services/oauth2/token', principal: 'ana@acme.test', status: 200 }),
      expect.objectContaining({ operation: 'login', path: '/services/oauth2/token', principal: CLIENT.clientId, status: 400, error: 'invalid_client' }),
    ]);
    const text = traceText();
    for (const secret of ['ana-pw', CLIENT.clientSecret, 'not-the-client-secret', conn.accessToken!, conn.refreshToken ?? 'no-refresh-token']) {
      expect(text).not.toContain(secret);
    }
  });
});
