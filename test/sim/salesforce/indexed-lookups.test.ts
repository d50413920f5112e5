/**
 * `Email IN (…)`, `Name IN (…)` and `Email = …` with ORDER BY …, Id go through the store's case-folded index instead of
 * scanning every row (issue #6: the engine's company and email lookups made each rep scan the org). The answer must be
 * the scan's answer — SOQL text equality is case-insensitive — and must follow updates and deletions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type jsforce from 'jsforce';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { login, startSim } from './helpers.ts';

let sim: SalesforceSim;
let conn: jsforce.Connection;
beforeEach(async () => {
  ({ sim } = await startSim());
  conn = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
  for (const [last, email] of [['Kim', 'Kim.Lee@Example.test'], ['Ray', 'ray@example.test'], ['Twin', 'kim.lee@example.test'], ['Zed', 'zed@example.test']]) {
    await conn.sobject('Contact').create({ LastName: last, Email: email });
  }
  await conn.sobject('Account').create({ Name: 'Globex' });
});
afterEach(() => sim.close());

type Rec = Record<string, unknown>;
const names = async (soql: string) => ((await conn.query(soql)).records as Rec[]).map((r) => r.LastName ?? r.Name).sort();

describe('indexed IN / = lookups on text fields', () => {
  it('answer as a scan does, case-insensitively, each row once', async () => {
    const where = "Email IN ('kim.lee@EXAMPLE.test', 'RAY@example.test', 'ray@example.test', 'nobody@example.test')";
    const indexed = await names(`SELECT LastName FROM Contact WHERE ${where} ORDER BY Id`);
    const scanned = await names(`SELECT LastName FROM Contact WHERE ${where} ORDER BY LastName`);
    expect(indexed).toEqual(['Kim', 'Ray', 'Twin']);
    expect(indexed).toEqual(scanned);
    expect(await names("SELECT Name FROM Account WHERE Name IN ('GLOBEX', 'Initech') ORDER BY CreatedDate, Id")).toEqual(['Globex']);
    expect(await names("SELECT LastName FROM Contact WHERE Email = 'ZED@example.test' ORDER BY Id")).toEqual(['Zed']);
  });

  it('follow updates and deletions (the folded index is kept up to date)', async () => {
    const query = "SELECT LastName FROM Contact WHERE Email IN ('ray@example.test', 'ray.new@example.test') ORDER BY Id";
    expect(await names(query)).toEqual(['Ray']);
    const [ray] = (await conn.query("SELECT Id FROM Contact WHERE LastName = 'Ray'")).records as Array<{ Id: string }>;
    await conn.sobject('Contact').update({ Id: ray!.Id, Email: 'Ray.New@example.test' });
    expect(await names(query)).toEqual(['Ray']);
    expect(await names("SELECT LastName FROM Contact WHERE Email = 'ray@example.test' ORDER BY Id")).toEqual([]);
    await conn.sobject('Contact').destroy(ray!.Id);
    expect(await names(query)).toEqual([]);
  });
});
