import { describe, expect, it } from 'vitest';
import { Trace } from '../../sim/core/trace.ts';

const entry = { at: 0, sim: 'exchange' as const, method: 'POST', path: '/EWS/Exchange.asmx', operation: 'CreateItem', status: 200 };

describe('Trace', () => {
  it('counts requests, writes and faults, and keeps exact totals when old entries are dropped', () => {
    const trace = new Trace(2);
    trace.record({ ...entry, write: true });
    trace.record({ ...entry, write: false, faultId: 'f1' });
    trace.record({ ...entry, write: true });
    expect(trace.totals).toEqual({ requests: 3, writes: 2, faults: 1 });
    expect(trace.entries().map((e) => e.seq)).toEqual([2, 3]);
  });

  it('clear() resets the counters too, and sequence numbers keep rising', () => {
    const trace = new Trace();
    trace.record({ ...entry, write: true });
    trace.clear();
    expect(trace.totals).toEqual({ requests: 0, writes: 0, faults: 0 });
    expect(trace.record({ ...entry, write: false }).seq).toBe(2);
  });
});
