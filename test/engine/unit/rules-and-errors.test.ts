import { describe, expect, it } from 'vitest';
import { ConfigValidationError, ItemWriteError, NotImplementedError, StaleVersionError, suggestedFixFor, SUGGESTED_FIXES } from '../../../src/sync/errors.ts';
import { describeRule, isKnownRule, RULES } from '../../../src/sync/rules.ts';
import { MiniWorld } from './support/mini-world.ts';
import { exContact, exEvent, makeConfig, sfContact, sfEvent } from './support/builders.ts';

describe('rule catalogue', () => {
  it('lists every SPEC rule family', () => {
    for (const id of ['CONN-01', 'CONN-11', 'CFG-09', 'CON-08', 'EVT-12', 'ORG-03', 'STAT-04', 'ERR-01', 'RST-01', 'G-09']) expect(isKnownRule(id)).toBe(true);
    expect(describeRule('EVT-03')).toMatch(/^EVT-03 — .*overwrites/);
    expect(describeRule('X-1')).toBe('X-1');
  });

  it('every rule the planner cites in actions, summaries and findings is in the catalogue', () => {
    const seen = new Set<string>();
    const config = makeConfig({ SyncEventSeries: true, AutoRelateEvents: true, DeleteSyncedEvents: true, EventScope: 'UserSelectedEvents' });
    const w = new MiniWorld(config);
    w.putSfContact(sfContact('003A', { LastName: 'Lee', Email: 'a@x.test' }, { OwnerId: '005OTHER' }));
    w.putExContact(exContact('EXA', { Surname: 'Lee', CompanyName: 'Nowhere' }));
    w.putExContact(exContact('EXB', { Surname: 'Ray' }, { folder: 'Contacts', stampedOrgId: '00DOTHER' }));
    w.putSfEvent(sfEvent('00UC', { IsRecurrence: true }));
    w.putSfEvent(sfEvent('00UP', { IsPrivate: true, StartDateTime: '2026-11-01T00:00:00Z', EndDateTime: '2026-11-01T01:00:00Z' }));
    w.putExEvent(exEvent('EXE', { loggedToSalesforce: true, organizer: 'x@elsewhere.test' }));
    w.putExEvent(exEvent('EXF', { calendar: 'Team' }));
    for (let i = 0; i < 3; i += 1) {
      const plan = w.cycle();
      for (const r of [...plan.actions, ...plan.summary, ...plan.findings].map((x) => x.rule)) seen.add(r);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect([...seen].filter((r) => !isKnownRule(r))).toEqual([]);
    // SPEC §§1–6 and §8: 11 CONN + 9 CFG + 8 CON + 12 EVT + 3 ORG + 4 STAT + ERR-01 + RST-01 + 9 G.
    expect(Object.keys(RULES)).toHaveLength(58);
  });
});

describe('ERR-01 errors carry codes, ids and a suggested fix', () => {
  it('structured fields survive and each code has its own fix', () => {
    const stale = new StaleVersionError('changed meanwhile', { object: 'Event', sfId: '00U1', exId: 'AAMk1', changeKey: { expected: 'ck1', actual: 'ck2' }, systemModstamp: { expected: '2026-11-24T10:00:00Z' } });
    expect(stale).toBeInstanceOf(Error);
    expect(stale).toMatchObject({ code: 'ErrorIrresolvableConflict', name: 'StaleVersionError', item: { changeKey: { expected: 'ck1', actual: 'ck2' } } });
    expect(stale.suggestedFix).toMatch(/retried next cycle/);
    const write = new ItemWriteError('DUPLICATES_DETECTED', 'duplicate', { object: 'Contact', direction: 'exchange-to-salesforce', exId: 'AAMk2' });
    expect(write.suggestedFix).toBe(SUGGESTED_FIXES.DUPLICATES_DETECTED);
    expect(new NotImplementedError('Exchange 2010').message).toBe("Not implemented in synclab's engine: Exchange 2010");
    expect(new ConfigValidationError('0Ly1', 'Sales', ['a.', 'b.']).message).toBe('Lightning Sync configuration "Sales" (0Ly1) cannot be used: a. b.');
    expect(suggestedFixFor('SOMETHING_NEW')).toMatch(/reset sync/);
    expect(new Set(Object.values(SUGGESTED_FIXES)).size).toBe(Object.keys(SUGGESTED_FIXES).length);
  });
});

describe('findings and plan lines', () => {
  it('finding() fills org and rep; atTime stamps; sortFindings is stable by rule then ids', async () => {
    const { atTime, finding, sortFindings } = await import('../../../src/sync/findings.ts');
    const a = finding({ org: 'prod', rep: 'rita@acme.test' }, 'conflict', 'G-09', 'both changed', { sfId: '003B' });
    const b = finding({ org: 'prod' }, 'overwrite', 'EVT-03', 'replaced', { sfId: '003A', field: 'Description' });
    expect(a).toEqual({ kind: 'conflict', rule: 'G-09', org: 'prod', rep: 'rita@acme.test', sfId: '003B', message: 'both changed' });
    expect(b).not.toHaveProperty('rep');
    expect(atTime([a], 42)[0].at).toBe(42);
    expect(sortFindings([a, b]).map((f) => f.rule)).toEqual(['EVT-03', 'G-09']);
  });

  it('formatPlannedAction prints kind, side, ids, rule, fields and reason', async () => {
    const { formatPlannedAction } = await import('../../../src/sync/plan/index.ts');
    const line = formatPlannedAction({ kind: 'update', side: 'salesforce', object: 'Event', rep: 'rita@acme.test', rule: 'EVT-03', sfId: '00U1', exId: 'AAMkADk0ZjE2NDQ4LTc0ZjItNDU2Yi05Y2QxLTBmMmE5NjQ3ZjNkYQBGAAAAAAD', fields: { Description: { before: 'notes', after: 'Agenda & <b>' } } });
    expect(line).toBe('rita@acme.test · update Event in Salesforce SF 00U1 ↔ EX …3ZjNkYQBGAAAAAAD [EVT-03] { Description: "notes" → "Agenda & <b>" }');
    expect(formatPlannedAction({ kind: 'skip', side: 'exchange', object: 'Event', rep: 'r', rule: 'EVT-06', sfId: '00U2', reason: 'Classic' })).toBe('r · skip Event (not to Exchange) SF 00U2 [EVT-06] — Classic');
  });
});

describe('planRep input validation', () => {
  it('names every missing or bad input and what to put there', async () => {
    const { planRep } = await import('../../../src/sync/plan/index.ts');
    const { makeInput } = await import('./support/builders.ts');
    const input = makeInput();
    const bad = { ...input, rep: { ...input.rep, timeZone: 'Mars/Olympus' }, org: { ...input.org, orgId: '' }, exchange: { ...input.exchange, events: undefined } } as unknown as typeof input;
    expect(() => planRep(bad)).toThrowError(/planRep cannot plan for rita@acme\.test: Unknown time zone "Mars\/Olympus".*IANA.*org\.orgId is missing.*exchange\.events must be a ChangeSet/);
  });
});
