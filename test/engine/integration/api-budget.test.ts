/**
 * SIM-SF-03 / issue #4: REQUEST_LIMIT_EXCEEDED against the Salesforce sim's REAL rolling 24 h budget (org
 * `dailyApiLimit`), in scenario time. The engine pauses the org, sends nothing more that cycle, spends one `limits`
 * request per later cycle to check the budget, and resumes as soon as requests have aged out of the window — not at a
 * fixed "next UTC day".
 */
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import jsforce from 'jsforce';
import { startHarness, type Harness } from './harness.ts';

createRequire(import.meta.url)('jsforce/lib/request').setDefaults({ retry: { maxRetries: 0 } });

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const LIMIT = 80;

/** Salesforce requests since `seq`, leaving out logins and the 401s of a session that expired (2 h) meanwhile. */
const sentSince = (harness: Harness, seq: number) => harness.sf.trace.since(seq).filter((e) => e.operation !== 'login' && e.error !== 'INVALID_SESSION_ID');

/** Other API traffic of the org (another integration): spends whatever budget is left, bounded by LIMIT. */
async function spendTheRest(harness: Harness): Promise<number> {
  const org = harness.sf.org('prod');
  const conn = new jsforce.Connection({ loginUrl: org.loginUrl, version: '62.0' });
  await conn.login(org.admin.username, org.admin.password);
  for (let spent = 0; spent <= LIMIT; spent++) {
    try {
      await conn.query('SELECT Id FROM Organization');
    } catch (error) {
      expect((error as { errorCode?: string }).errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
      return spent;
    }
  }
  throw new Error(`the budget of ${LIMIT} was never exhausted`);
}

describe('SIM-SF-03: the daily API budget is a rolling 24 h window', () => {
  it('pauses on REQUEST_LIMIT_EXCEEDED, probes once per cycle with limits, stays paused past midnight UTC, resumes when requests age out', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', department: 'Sales', salesforceSyncFolder: true }],
      org: { dailyApiLimit: LIMIT, users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], contacts: [{ owner: 'ann', lastName: 'Lee', email: 'lee@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const engine = h.engine();
    expect((await engine.runCycle()).errors).toEqual([]); // 08:00: the engine spends part of the budget
    const firstCycle = h.sf.trace.entries((e) => e.operation !== 'login').length;
    expect(firstCycle).toBeLessThan(LIMIT);

    h.clock.set('2026-03-02T09:00:00Z');
    expect(await spendTheRest(h)).toBe(LIMIT - firstCycle);

    h.clock.set('2026-03-02T10:00:00Z');
    h.sf.actions.createRecord('prod', 'ann', 'Contact', { LastName: 'Late', Email: 'late@x.test', OwnerId: h.sf.actions.userId('prod', 'ann') });
    let seq = h.sf.trace.lastSeq();
    const hit = await engine.runCycle();
    expect(hit.errors.map((e) => e.code)).toEqual(['REQUEST_LIMIT_EXCEEDED']);
    expect(hit.errors[0]!.message).toMatch(/rolling 24-hour budget/);
    const refused = sentSince(h, seq);
    // Only the setup reads already in flight together when the first 403 came back; nothing after them.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(5);
    for (const e of refused) expect(e.error).toBe('REQUEST_LIMIT_EXCEEDED');

    // Later cycles, inside the window (and past midnight UTC, where the old engine resumed): one limits request each.
    for (const at of ['2026-03-02T11:00:00Z', '2026-03-03T00:30:00Z', '2026-03-03T07:55:00Z']) {
      h.clock.set(at);
      seq = h.sf.trace.lastSeq();
      const paused = await engine.runCycle();
      expect(paused.errors.map((e) => e.code)).toEqual(['REQUEST_LIMIT_EXCEEDED']);
      expect(paused.errors[0]!.message).toContain(`found 0 of ${LIMIT} daily requests left`);
      const sent = sentSince(h, seq);
      expect(sent.map((e) => [e.operation, e.error])).toEqual([['limits', 'REQUEST_LIMIT_EXCEEDED']]);
    }
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toHaveLength(1); // Late has not synced while paused

    // 08:05 the next day: the 08:00 cycle's requests left the window, so budget is back (the 09:00 traffic is not).
    h.clock.set('2026-03-03T08:05:00Z');
    seq = h.sf.trace.lastSeq();
    const resumed = await engine.runCycle();
    expect(resumed.errors).toEqual([]);
    expect(sentSince(h, seq)[0]!.operation).toBe('limits');
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toHaveLength(2);
  });
});
