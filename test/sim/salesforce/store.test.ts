import { describe, expect, it } from 'vitest';
import { RecordStore } from '../../../sim/salesforce/store.ts';
import { newRow } from '../../../sim/salesforce/row.ts';
import { requireSchema } from '../../../sim/salesforce/schema/index.ts';

const ids = (rows: Iterable<Record<string, unknown>>): unknown[] => [...rows].map((r) => r.Id);

describe('RecordStore indexes and journal', () => {
  it('rowsWhere follows updates, purges and rollbacks', () => {
    const store = new RecordStore();
    store.put('Contact', { Id: 'a', OwnerId: 'u1' });
    store.put('Contact', { Id: 'b', OwnerId: 'u2' });
    expect(ids(store.rowsWhere('Contact', 'OwnerId', 'u1'))).toEqual(['a']);
    store.put('Contact', { Id: 'a', OwnerId: 'u2' });
    expect(ids(store.rowsWhere('Contact', 'OwnerId', 'u1'))).toEqual([]);
    expect(ids(store.rowsWhere('Contact', 'OwnerId', 'u2')).sort()).toEqual(['a', 'b']); // index order, not insertion order
    store.begin();
    store.put('Contact', { Id: 'c', OwnerId: 'u1' });
    store.put('Contact', { Id: 'b', OwnerId: 'u1' });
    store.purge('a');
    store.rollback();
    expect(ids(store.rowsWhere('Contact', 'OwnerId', 'u1'))).toEqual([]);
    expect(ids(store.rowsWhere('Contact', 'OwnerId', 'u2')).sort()).toEqual(['a', 'b']);
    expect(store.get('c')).toBeUndefined();
  });

  it('tells each row\'s type without a wrapper: from the row\'s defaults prototype, or as given for a plain row', () => {
    const store = new RecordStore();
    const typed = Object.assign(newRow(requireSchema('Event')), { Id: 'e1' });
    store.put('Event', typed);
    store.put('Contact', { Id: 'c1' });
    expect(store.get('e1')).toEqual({ type: 'Event', row: typed });
    expect(store.get('c1')?.type).toBe('Contact');
    expect([...store.exportState().records.values()].map((r) => r.type)).toEqual(['Event', 'Contact']);
    store.purge('c1');
    expect(store.get('c1')).toBeUndefined();
  });

  it('a rollback restores the delete log and bumps the permission version', () => {
    const store = new RecordStore();
    const v = store.setupVersion;
    store.begin();
    store.put('PermissionSetAssignment', { Id: 'p' });
    store.logDelete({ id: 'x', type: 'Contact', deletedAt: 1 });
    store.rollback();
    expect(store.deleteLog()).toHaveLength(0);
    expect(store.get('p')).toBeUndefined();
    expect(store.setupVersion).toBeGreaterThan(v + 1);
  });
});
