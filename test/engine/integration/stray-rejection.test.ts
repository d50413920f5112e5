/**
 * client-probe §3.6: ews-javascript-api answers an HTTP 500 with a plain-text body with a promise that never settles
 * plus an unhandledRejection. The engine itself (not only the CLI) turns such an answer into an error for that one
 * call, so the cycle finishes with an error record instead of hanging or crashing the process; and its process-wide
 * guard swallows only the library's known stray TypeErrors.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { isKnownEwsStrayRejection, onUnhandledRejection } from '../../../src/sync/exchange/stray-rejections.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  nock.cleanAll();
  await h?.close();
  h = undefined;
});

describe('HTTP 500 with a non-SOAP body from EWS (client-probe §3.6)', () => {
  it('SIM-EX-03: a plain-text 500 ends that call at once with an HttpError naming the body; the cycle finishes with an error record and the next cycle syncs', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', department: 'Sales', salesforceSyncFolder: true }],
      org: { users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], contacts: [{ owner: 'ann', lastName: 'Lee', email: 'lee@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const ews = new URL(h.ex.urls.ews);
    const stray: unknown[] = [];
    const onStray = (reason: unknown) => stray.push(reason);
    process.on('unhandledRejection', onStray);
    let seen = '';
    // Only the first EWS request is answered by nock (reply callbacks take ONE argument, the Fetch Request).
    const scope = nock(ews.origin, { allowUnmocked: true })
      .post(ews.pathname)
      .once()
      .reply(500, async (request: Request) => {
        seen = await request.text();
        return 'Internal Server Error: upstream proxy gave up';
      }, { 'Content-Type': 'text/plain' });
    // ewsTimeoutMs is far beyond the test's own timeout: only an immediate error lets this test finish.
    const engine = h.engine({ ewsTimeoutMs: 600_000, maxRetries: 0 });
    try {
      const cycle = await engine.runCycle();
      expect(scope.isDone()).toBe(true);
      expect(seen).toContain('Envelope');
      expect(cycle.errors).toHaveLength(1);
      expect(cycle.errors[0]).toMatchObject({ rep: expect.stringContaining('ann'), code: 'HttpError' });
      expect(cycle.errors[0]!.message).toContain('HTTP 500');
      expect(cycle.errors[0]!.message).toContain('upstream proxy gave up');
      await new Promise((resolve) => setImmediate(resolve));
      expect(stray).toEqual([]);

      h.clock.advance(5 * 60_000);
      expect((await engine.runCycle()).errors).toEqual([]);
      expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync')).toHaveLength(1);
    } finally {
      process.off('unhandledRejection', onStray);
    }
  }, 20_000);

  it('SIM-EX-03: an empty-bodied 500 on the first request also ends the call at once, with the cycle\'s error record', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', department: 'Sales', salesforceSyncFolder: true }],
      org: { users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const ews = new URL(h.ex.urls.ews);
    const scope = nock(ews.origin, { allowUnmocked: true }).post(ews.pathname).once().reply(500, '');
    const cycle = await h.engine({ ewsTimeoutMs: 600_000, maxRetries: 0 }).runCycle();
    expect(scope.isDone()).toBe(true);
    expect(cycle.errors.map((e) => [e.rep, e.code])).toEqual([['ann@acme.test', 'HttpError']]);
    expect(cycle.errors[0]!.message).toContain('empty body');
  }, 20_000);

  it('the guard swallows only the library\'s known stray TypeErrors and leaves every other rejection to the other listeners', () => {
    const known = new TypeError("Cannot read properties of null (reading 'nodeType')");
    known.stack = `${known.message}\n    at DOMParser.parseFromString (/app/node_modules/@xmldom/xmldom/lib/dom-parser.js:77:14)\n    at new EwsServiceXmlReader (/app/node_modules/ews-javascript-api/js/Core/EwsServiceXmlReader.js:20:1)`;
    expect(isKnownEwsStrayRejection(known)).toBe(true);
    const ours = new TypeError("Cannot read properties of null (reading 'nodeType')");
    ours.stack = `${ours.message}\n    at planContacts (/app/src/sync/plan/contacts.ts:10:1)`;
    expect(isKnownEwsStrayRejection(ours)).toBe(false);
    expect(isKnownEwsStrayRejection(new Error('boom'))).toBe(false);
    expect(isKnownEwsStrayRejection({ message: known.message, stack: known.stack })).toBe(false);
    // vitest listens too, so an unknown rejection is left to it (not rethrown, not swallowed silently by us).
    expect(process.listenerCount('unhandledRejection')).toBeGreaterThan(1);
    expect(() => onUnhandledRejection(new Error('someone else'))).not.toThrow();
    expect(() => onUnhandledRejection(known)).not.toThrow();
  });
});
