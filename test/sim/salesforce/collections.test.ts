import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { loginAdmin, startSim } from './helpers.ts';

let sim: SalesforceSim;
beforeEach(async () => ({ sim } = await startSim()));
afterEach(() => sim.close());

type Result = { id?: string; success: boolean; errors: Array<{ statusCode: string; fields: string[] }> };

describe('sObject Collections (SIM-SF-02)', () => {
  it('allOrNone false: per-record results in input order, failures do not stop the rest', async () => {
    const conn = await loginAdmin(sim);
    const results = (await conn.sobject('Contact').create([{ LastName: 'A' }, { FirstName: 'no last name' }, { LastName: 'C' }])) as Result[];
    expect(results.map((r) => r.success)).toEqual([true, false, true]);
    expect(results[1]!.errors[0]).toMatchObject({ statusCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] });
    expect(sim.actions.find('prod', 'Contact', (r) => r.LastName === 'A' || r.LastName === 'C')).toHaveLength(2);
    const entry = sim.trace.entries((e) => e.operation === 'composite.sobjects.create')[0]!;
    expect(entry).toMatchObject({ write: true, items: 2, status: 200 });
  });

  it('allOrNone true: one failure rolls back every record and the others say ALL_OR_NONE_OPERATION_ROLLED_BACK', async () => {
    const conn = await loginAdmin(sim);
    const before = sim.actions.find('prod', 'Contact').length;
    const results = (await conn.sobject('Contact').create([{ LastName: 'A' }, { LastName: 'B' }, { LastName: 'x'.repeat(81) }], { allOrNone: true })) as Result[];
    expect(results.map((r) => r.errors[0]?.statusCode)).toEqual(['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'ALL_OR_NONE_OPERATION_ROLLED_BACK', 'STRING_TOO_LONG']);
    expect(sim.actions.find('prod', 'Contact').length).toBe(before);
    expect(sim.trace.entries((e) => e.write)).toHaveLength(0);
  });

  it('update and delete collections; allOrNone delete rollback restores deleted rows', async () => {
    const conn = await loginAdmin(sim);
    const created = (await conn.sobject('Contact').create([{ LastName: 'A' }, { LastName: 'B' }])) as Result[];
    const [a, b] = created.map((r) => r.id!);
    const upd = (await conn.sobject('Contact').update([{ Id: a, Title: 'T1' }, { Id: '003bogus', Title: 'x' }, { Id: b, Title: 'T2' }])) as Result[];
    expect(upd.map((r) => r.success)).toEqual([true, false, true]);
    expect(upd[1]!.errors[0]!.statusCode).toBe('MALFORMED_ID');
    expect(sim.actions.get('prod', a!)!.Title).toBe('T1');
    const del = (await conn.sobject('Contact').destroy([a!, b!, a!], { allOrNone: true })) as Result[];
    expect(del[2]!.errors[0]!.statusCode).toBe('ENTITY_IS_DELETED');
    expect(sim.actions.get('prod', a!)!.IsDeleted).toBe(false);
    expect(sim.actions.get('prod', b!)!.IsDeleted).toBe(false);
    const ok = (await conn.sobject('Contact').destroy([a!, b!])) as Result[];
    expect(ok.every((r) => r.success)).toBe(true);
    expect(sim.actions.get('prod', b!)!.IsDeleted).toBe(true);
  });

  it('retrieve collection: records in order, null for unknown ids', async () => {
    const conn = await loginAdmin(sim);
    const c1 = sim.actions.find('prod', 'Contact')[0]!.Id as string;
    const recs = (await conn.sobject('Contact').retrieve([c1, '003000000000000AAA'], { fields: ['Id', 'LastName'] })) as unknown as Array<Record<string, unknown> | null>;
    expect(recs[0]).toMatchObject({ Id: c1, LastName: 'Smith' });
    expect(recs[1]).toBeNull();
    // without fields jsforce first describes the object, then asks for every field
    const full = (await conn.sobject('Contact').retrieve([c1])) as unknown as Array<Record<string, unknown>>;
    expect(full[0]).toMatchObject({ Id: c1, LastName: 'Smith', Email: 'jo@example.test', IsDeleted: false });
  });

  it('more than 200 records → EXCEEDED_ID_LIMIT (jsforce sends them in one request)', async () => {
    const conn = await loginAdmin(sim);
    const records = Array.from({ length: 201 }, (_, i) => ({ LastName: `L${i}` }));
    const error = await conn.sobject('Contact').create(records).then(() => undefined, (e: { errorCode?: string }) => e);
    expect(error?.errorCode).toBe('EXCEEDED_ID_LIMIT');
    const recursive = (await conn.sobject('Contact').create(records, { allowRecursive: true })) as Result[];
    expect(recursive.filter((r) => r.success)).toHaveLength(201);
  });
});
