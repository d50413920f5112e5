import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceSim } from '../../../sim/salesforce/index.ts';
import { failure, loginAdmin, startSim } from './helpers.ts';

let sim: SalesforceSim;
beforeEach(async () => ({ sim } = await startSim()));
afterEach(() => sim.close());

type Result = { id?: string; success: boolean; errors: Array<{ statusCode: string }> };

describe('EventRelation limits (SIM-SF-04)', () => {
  it('an event relates to at most 50 contacts, or one lead and no contacts; deleting the event removes them', async () => {
    const conn = await loginAdmin(sim);
    const { id: eventId } = (await conn.sobject('Event').create({ Subject: 'Big', StartDateTime: '2026-03-03T10:00:00Z', DurationInMinutes: 60 })) as { id: string };
    const contacts = (await conn.sobject('Contact').create(Array.from({ length: 51 }, (_, i) => ({ LastName: `C${i}` })))) as Result[];
    const relations = contacts.map((c) => ({ attributes: { type: 'EventRelation' }, EventId: eventId, RelationId: c.id }));
    const results = (await conn.sobject('EventRelation').create(relations.slice(0, 51))) as unknown as Result[];
    expect(results.filter((r) => r.success)).toHaveLength(50);
    expect(results[50]!.errors[0]!.statusCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    const { id: leadId } = (await conn.sobject('Lead').create({ LastName: 'L', Company: 'Co' })) as { id: string };
    expect((await failure(conn.sobject('EventRelation').create({ EventId: eventId, RelationId: leadId }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    const { id: solo } = (await conn.sobject('Event').create({ Subject: 'Lead call', StartDateTime: '2026-03-03T12:00:00Z', DurationInMinutes: 30, WhoId: leadId })) as { id: string };
    const extra = await failure(conn.sobject('EventRelation').create({ EventId: solo, RelationId: contacts[0]!.id }));
    expect(extra.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    await conn.sobject('Event').destroy(eventId);
    expect((await conn.query(`SELECT Id FROM EventRelation WHERE EventId = '${eventId}'`)).totalSize).toBe(0);
    const deleted = await conn.query(`SELECT Id FROM EventRelation WHERE EventId = '${eventId}'`, { scanAll: true });
    expect(deleted.totalSize).toBe(50);
  });
});
