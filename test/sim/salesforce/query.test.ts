import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioClock } from '#time/clock.ts';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { failure, login, loginAdmin, smallWorld, startSim } from './helpers.ts';

let sim: SalesforceSim;
let clock: ScenarioClock;
beforeAll(async () => {
  const world = smallWorld();
  world.orgs[0]!.contacts!.push({ generate: 5200, owner: 'bo' });
  ({ sim, clock } = await startSim(world));
});
afterEach(() => {
  sim.faults.clear();
});

describe('query and paging', () => {
  it('pages 5,000+ records 2,000 at a time with nextRecordsUrl; autoFetch gets them all', async () => {
    const conn = await loginAdmin(sim);
    const first = await conn.query<{ Id: string }>('SELECT Id, LastName FROM Contact');
    expect(first.totalSize).toBe(5201);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g[A-Za-z0-9]+-2000$/);
    const second = await conn.queryMore(first.nextRecordsUrl!);
    expect(second.records).toHaveLength(2000);
    const all = await conn.query<{ Id: string }>('SELECT Id FROM Contact', { autoFetch: true, maxFetch: 10000 });
    expect(all.records).toHaveLength(5201);
    expect(new Set(all.records.map((r) => r.Id)).size).toBe(5201);
  });

  it('honours Sforce-Query-Options batchSize, clamped to 200–2000', async () => {
    const conn = await loginAdmin(sim);
    const page = async (batch: string): Promise<number> => {
      const res = await fetch(`${conn.instanceUrl}/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`, {
        headers: { authorization: `Bearer ${conn.accessToken}`, 'sforce-query-options': batch },
      });
      return ((await res.json()) as { records: unknown[] }).records.length;
    };
    expect(await page('batchSize=500')).toBe(500);
    expect(await page('batchSize=50')).toBe(200);
  });

  it('unknown or idle locators → INVALID_QUERY_LOCATOR', async () => {
    const conn = await loginAdmin(sim);
    const first = await conn.query('SELECT Id FROM Contact');
    clock.advance(15 * 60_000);
    expect((await failure(conn.queryMore(first.nextRecordsUrl!))).errorCode).toBe('INVALID_QUERY_LOCATOR');
    expect((await failure(conn.queryMore(`${conn.instanceUrl}/services/data/v62.0/query/01gXXXXXXXXXXXXXXX-2000`))).errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('queryAll shows deleted records with IsDeleted; query does not', async () => {
    const conn = await loginAdmin(sim);
    const { id } = (await conn.sobject('Lead').create({ LastName: 'Gone', Company: 'X' })) as { id: string };
    await conn.sobject('Lead').destroy(id);
    const q = await conn.query<{ Id: string }>(`SELECT Id FROM Lead WHERE Id = '${id}'`);
    expect(q.totalSize).toBe(0);
    const qa = await conn.query<{ Id: string; IsDeleted: boolean }>(`SELECT Id, IsDeleted FROM Lead WHERE Id = '${id}'`, { scanAll: true });
    expect(qa.records).toEqual([expect.objectContaining({ Id: id, IsDeleted: true })]);
  });

  it('sharing applies to SOQL; datetimes leave in +0000 form; parent relationships resolve', async () => {
    await sim.close();
    const world = smallWorld();
    world.orgs[0]!.sharing = { Contact: 'Private' };
    ({ sim, clock } = await startSim(world));
    const bo = await login(sim, 'prod', 'bo@acme.test', 'bo-pw');
    expect((await bo.query('SELECT Id FROM Contact')).totalSize).toBe(0);
    const ana = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const rows = await ana.query<Record<string, unknown>>('SELECT Id, Account.Name, Owner.Username, CreatedDate FROM Contact');
    expect(rows.records[0]).toMatchObject({ Account: expect.objectContaining({ Name: 'Acme Corp' }), CreatedDate: '2026-03-02T08:00:00.000+0000' });
  });

  it('bad SOQL → MALFORMED_QUERY / INVALID_TYPE as jsforce surfaces them; org type and sandbox are queryable', async () => {
    const conn = await loginAdmin(sim);
    expect((await failure(conn.query('SELECT Id FORM Contact'))).errorCode).toBe('MALFORMED_QUERY');
    expect((await failure(conn.query('SELECT Id FROM Bogus'))).errorCode).toBe('INVALID_TYPE');
    const unsupported = await failure(conn.query('SELECT LastName, COUNT(Id) FROM Contact GROUP BY LastName'));
    expect(unsupported.message).toMatch(/not supported by synclab's Salesforce sim/);
    expect(sim.trace.entries((e) => e.operation === 'query').at(-1)).toMatchObject({ status: 400, error: unsupported.errorCode });
    const org = await conn.query<{ OrganizationType: string; IsSandbox: boolean }>('SELECT OrganizationType, IsSandbox FROM Organization');
    expect(org.records[0]).toMatchObject({ OrganizationType: 'Enterprise Edition', IsSandbox: false });
    const uat = await loginAdmin(sim, 'uat');
    const uatOrg = await uat.query<{ OrganizationType: string; IsSandbox: boolean }>('SELECT OrganizationType, IsSandbox FROM Organization');
    expect(uatOrg.records[0]).toMatchObject({ OrganizationType: 'Developer Edition', IsSandbox: true });
  });
});
