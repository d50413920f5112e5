/**
 * SOQL end to end: the Salesforce sim's query route, driven by the real jsforce. Checks what only the whole path
 * shows: the running user's TimeZoneSidKey decides TODAY, scenario time (not wall time) decides it too, parent
 * relationships arrive nested, and query errors reach jsforce with Salesforce's errorCode and Row/Column message.
 */
import { createRequire } from 'node:module';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioClock } from '#time/clock.ts';
import { startSalesforceSim, type SalesforceSim } from '../../../sim/salesforce/index.ts';

createRequire(import.meta.url)('jsforce/lib/request').setDefaults({ retry: { maxRetries: 0 } });

// 14:30Z is 23:30 in Tokyo; one hour later Tokyo is on the next day while Los Angeles is still on 03-04.
const clock = new ScenarioClock('2026-03-04T14:30:00.000Z');
let sim: SalesforceSim;
let conn: jsforce.Connection;

beforeAll(async () => {
  sim = await startSalesforceSim({
    clock,
    seed: 3,
    world: {
      orgs: [{
        id: 'prod', kind: 'production', domain: 'acme.test',
        users: [{ ref: 'tokyo', admin: true, timeZone: 'Asia/Tokyo', firstName: 'Kei', lastName: 'Admin' }],
        accounts: [{ ref: 'acme', name: 'Acme Corp' }],
        contacts: [
          { lastName: 'Lee', firstName: 'Ann', email: 'ann@acme.test', account: 'acme' },
          { lastName: 'Zed', firstName: 'Bob', email: 'bob@acme.test' },
        ],
      }],
    },
  });
  const org = sim.org('prod');
  conn = new jsforce.Connection({ loginUrl: org.loginUrl, version: '62.0' });
  await conn.login(org.admin.username, org.admin.password);
  clock.advance(60 * 60 * 1000);
  const created = await conn.sobject('Contact').create({ LastName: 'Late', FirstName: 'Cy' });
  expect(created.success).toBe(true);
});

afterAll(async () => {
  await sim?.close();
});

describe('SOQL through jsforce and the sim query route', () => {
  it("TODAY and YESTERDAY follow the user's time zone at scenario time", async () => {
    const today = await conn.query<{ LastName: string }>('SELECT LastName FROM Contact WHERE CreatedDate = TODAY ORDER BY LastName');
    const yesterday = await conn.query<{ LastName: string }>('SELECT LastName FROM Contact WHERE CreatedDate = YESTERDAY ORDER BY LastName');
    expect(today.records.map((r) => r.LastName)).toEqual(['Late']);
    expect(yesterday.records.map((r) => r.LastName)).toEqual(['Lee', 'Zed']);
  });

  it('parent fields arrive nested, a missing parent as null, datetimes in +0000 form', async () => {
    const result = await conn.query<Record<string, unknown>>(
      "SELECT LastName, Account.Name, CreatedDate FROM Contact WHERE LastName IN ('lee', 'ZED') ORDER BY LastName",
    );
    expect(result.totalSize).toBe(2);
    expect(result.records.map((r) => [r.LastName, (r.Account as { Name?: string } | null)?.Name ?? null])).toEqual([['Lee', 'Acme Corp'], ['Zed', null]]);
    expect(result.records[0].CreatedDate).toBe('2026-03-04T14:30:00.000+0000');
  });

  it('COUNT() comes back as totalSize with no records', async () => {
    const result = await conn.query('SELECT COUNT() FROM Contact');
    expect(result.totalSize).toBe(3);
    expect(result.records).toEqual([]);
  });

  it('a malformed query reaches jsforce as MALFORMED_QUERY with Row/Column', async () => {
    const error = await conn.query('SELECT Id FORM Contact').then(() => undefined, (e: unknown) => e as { errorCode?: string; message?: string });
    expect(error?.errorCode).toBe('MALFORMED_QUERY');
    expect(error?.message).toContain("ERROR at Row:1:Column:11\nunexpected token: 'FORM'");
  });

  it('an unknown field reaches jsforce as INVALID_FIELD', async () => {
    const error = await conn.query('SELECT Id, Bogus FROM Contact').then(() => undefined, (e: unknown) => e as { errorCode?: string; message?: string });
    expect(error?.errorCode).toBe('INVALID_FIELD');
    expect(error?.message).toContain("No such column 'Bogus' on entity 'Contact'");
  });
});
