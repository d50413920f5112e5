/**
 * Rows keep only the fields set on them and inherit every other field's default (issue #6: 1.4 M records in a large
 * rehearsal). These tests fail if a read, a copy or a snapshot loses an inherited default or leaks a sparse row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { ScenarioClock } from '#time/clock.ts';
import { startSalesforceSim } from '../../../sim/salesforce/index.ts';
import { login, smallWorld, START, startSim } from './helpers.ts';

let sim: SalesforceSim;
beforeEach(async () => ({ sim } = await startSim()));
afterEach(() => sim.close());

type Rec = Record<string, unknown>;

describe('sparse rows with inherited defaults', () => {
  it('a created record stores only what was set, yet every field reads as on a dense row', async () => {
    const conn = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const { id } = (await conn.sobject('Contact').create({ LastName: 'Lee' })) as { id: string };
    const fields = (await conn.sobject('Contact').describe()).fields.map((f) => f.name);
    const stored = sim.org('prod').model.store.get(id)!.row;
    expect(Object.keys(stored).length).toBeLessThan(fields.length / 2);
    expect(stored.Title).toBeNull(); // inherited, not own
    expect(Object.hasOwn(stored, 'Title')).toBe(false);
    const rec = (await conn.sobject('Contact').retrieve(id)) as Rec;
    expect(rec.Title).toBeNull();
    expect(Object.keys(rec)).toEqual(['attributes', ...fields]);
    const [found] = (await conn.query(`SELECT Id, Title, Department FROM Contact WHERE Id = '${id}' AND Title = null`)).records as Rec[];
    expect(found).toMatchObject({ Id: id, Title: null, Department: null });
  });

  it('updates, soft deletes and undeletes keep the inherited defaults', async () => {
    const conn = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const { id } = (await conn.sobject('Contact').create({ LastName: 'Lee' })) as { id: string };
    await conn.sobject('Contact').update({ Id: id, Title: 'CTO' });
    await conn.sobject('Contact').destroy(id);
    const deleted = (await conn.query(`SELECT Id, IsDeleted, Department FROM Contact WHERE Id = '${id}'`, { scanAll: true })).records as Rec[];
    expect(deleted[0]).toMatchObject({ IsDeleted: true, Department: null });
    sim.actions.undeleteRecord('prod', 'ana', id);
    const row = sim.org('prod').model.store.get(id)!.row;
    expect(row.Department).toBeNull();
    expect(row.Title).toBe('CTO');
  });

  it('records() hands out dense plain copies in the schema order', async () => {
    const rows = sim.actions.find('prod', 'Contact');
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(Object.hasOwn(rows[0]!, 'Department')).toBe(true);
    expect(rows[0]!.Department).toBeNull();
    expect(Object.keys(rows[0]!)[0]).toBe('Id');
  });

  it('a snapshot carries own fields only, and a restore gives the defaults back', async () => {
    const conn = await login(sim, 'prod', 'ana@acme.test', 'ana-pw');
    const { id } = (await conn.sobject('Contact').create({ LastName: 'Lee' })) as { id: string };
    const snapshot = sim.snapshot();
    await conn.sobject('Contact').update({ Id: id, Department: 'Sales' });
    sim.restore(snapshot);
    const row = sim.org('prod').model.store.get(id)!.row;
    expect(row.Department).toBeNull();
    expect(row.Title).toBeNull();
    const rec = (await conn.sobject('Contact').retrieve(id)) as Rec;
    expect(rec).toMatchObject({ Department: null, LastName: 'Lee' });
  });

  it('a sim started with resettable: false says why it cannot reset', async () => {
    const other = await startSalesforceSim({ clock: new ScenarioClock(START), world: smallWorld(), resettable: false });
    try {
      expect(() => other.reset()).toThrow(/resettable: false/);
    } finally {
      await other.close();
    }
  });
});
