/**
 * The EWS call plumbing against tiny real HTTP servers (serveFetchHandler on 127.0.0.1) and the real
 * ews-javascript-api: per-call wall-clock timeout, rejections normalized to Error instances with the EWS code,
 * scenario-time back-off with seeded jitter, and the dispatcher refusing services built outside the engine.
 */
import { ExchangeService, ExchangeVersion, FolderView, Uri, WebCredentials, WellKnownFolderName } from 'ews-javascript-api';
import { afterEach, describe, expect, it } from 'vitest';
import { serveFetchHandler, type RunningServer } from '../../../sim/core/http-server.ts';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { createRng } from '../../../src/util/random.ts';
import { callEws } from '../../../src/sync/exchange/ews-call.ts';
import { EwsError, toEwsError } from '../../../src/sync/exchange/ews-error.ts';
import { CHANNEL_HEADER, openChannel } from '../../../src/sync/exchange/xhr-dispatcher.ts';
import { escapeXmlText } from '../../../src/sync/exchange/xml-text.ts';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const BUSY = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode><faultstring xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">busy</e:Message><t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:Value Name="BackOffMilliseconds">45000</t:Value></t:MessageXml></detail></s:Fault></s:Body></s:Envelope>`;
const FOUND = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:FindFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages><m:FindFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:RootFolder TotalItemsInView="0" IncludesLastItemInRange="true"><t:Folders/></m:RootFolder></m:FindFolderResponseMessage></m:ResponseMessages></m:FindFolderResponse></s:Body></s:Envelope>`;

async function server(answer: (n: number) => Promise<Response> | Response): Promise<string> {
  let n = 0;
  const s = await serveFetchHandler(async () => answer(++n), { onError: () => new Response(BUSY, { status: 500, headers: { 'content-type': 'text/xml' } }) });
  servers.push(s);
  return `${s.origin}/EWS/Exchange.asmx`;
}

function service(url: string, channel: string): ExchangeService {
  const svc = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
  svc.Url = new Uri(url);
  svc.Credentials = new WebCredentials('svc', 'pw');
  svc.HttpHeaders.Add(CHANNEL_HEADER, channel);
  return svc;
}

const context = (clock: ScenarioClock, channelId: string, timeoutMs = 5_000) => ({
  clock, rng: createRng(1), channelId, mailbox: 'ann@acme.test', gate: { until: 0 }, timeoutMs, maxRetries: 2,
});

describe('EWS call plumbing', () => {
  it('a server that never answers is cut off by the per-call timeout as an EwsError (an Error instance)', async () => {
    const url = await server(() => new Promise<Response>(() => undefined));
    const channel = openChannel({ timeoutMs: 300 });
    const clock = new ScenarioClock('2026-03-02T08:00:00Z');
    const error = await callEws(context(clock, channel, 300), 'FindFolder', () => service(url, channel).FindFolders(WellKnownFolderName.Contacts, new FolderView(1))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(EwsError);
    expect((error as EwsError).code).toBe('Timeout');
  });

  it('G-06: ErrorServerBusy waits BackOffMilliseconds (+ seeded jitter) on the scenario clock, then retries', async () => {
    const url = await server((n) => (n === 1
      ? new Response(BUSY, { status: 500, headers: { 'content-type': 'text/xml' } })
      : new Response(FOUND, { status: 200, headers: { 'content-type': 'text/xml' } })));
    const channel = openChannel({ timeoutMs: 5_000 });
    const clock = new ScenarioClock('2026-03-02T08:00:00Z');
    const retries: number[] = [];
    const ctx = { ...context(clock, channel), onRetry: (i: { waitMs: number }) => void retries.push(i.waitMs) };
    const before = clock.now();
    const result = await callEws(ctx, 'FindFolder', () => service(url, channel).FindFolders(WellKnownFolderName.Contacts, new FolderView(1)));
    expect(result.TotalCount).toBe(0);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toBeGreaterThanOrEqual(45_000);
    expect(clock.now() - before).toBe(retries[0]);
  });

  it('a throttled call that exhausts its retries leaves the mailbox gate closed for the next caller', async () => {
    const url = await server(() => new Response(BUSY, { status: 500, headers: { 'content-type': 'text/xml' } }));
    const channel = openChannel({ timeoutMs: 5_000 });
    const clock = new ScenarioClock('2026-03-02T08:00:00Z');
    const ctx = context(clock, channel);
    const error = await callEws(ctx, 'FindFolder', () => service(url, channel).FindFolders(WellKnownFolderName.Contacts, new FolderView(1))).catch((e: unknown) => e);
    expect((error as EwsError).code).toBe('ErrorServerBusy');
    expect(ctx.gate.until).toBeGreaterThanOrEqual(clock.now() + 45_000);
  });

  it('G-06 on wall time: a back-off longer than maxWaitMs skips the mailbox (one request, gate kept) instead of stalling', async () => {
    let requests = 0;
    const url = await server(() => {
      requests++;
      return new Response(BUSY, { status: 500, headers: { 'content-type': 'text/xml' } });
    });
    const channel = openChannel({ timeoutMs: 5_000 });
    const clock = new ScenarioClock('2026-03-02T08:00:00Z');
    const ctx = { ...context(clock, channel), maxWaitMs: 1_000 };
    const error = await callEws(ctx, 'FindFolder', () => service(url, channel).FindFolders(WellKnownFolderName.Contacts, new FolderView(1))).catch((e: unknown) => e);
    expect((error as EwsError).code).toBe('ErrorServerBusy');
    expect((error as EwsError).message).toContain('skipped this cycle');
    expect(requests).toBe(1);
    expect(clock.now()).toBe(Date.parse('2026-03-02T08:00:00Z'));
    expect(ctx.gate.until).toBeGreaterThanOrEqual(clock.now() + 45_000);
  });

  it('a service built without the engine channel is refused with a message that says how to build it', async () => {
    const url = await server(() => new Response(FOUND, { status: 200 }));
    openChannel({ timeoutMs: 1_000 });
    const svc = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
    svc.Url = new Uri(url);
    svc.Credentials = new WebCredentials('svc', 'pw');
    const error = toEwsError(await svc.FindFolders(WellKnownFolderName.Contacts, new FolderView(1)).catch((e: unknown) => e));
    expect(error.message).toContain('no channel');
  });

  it('toEwsError turns non-Error rejections into EwsError and escapeXmlText escapes exactly & < >', () => {
    expect(toEwsError({ message: 'timeout of 500ms exceeded' }).code).toBe('Timeout');
    expect(toEwsError({ HttpStatusCode: 401, message: '401 Unauthorized' }).code).toBe('HttpUnauthorized');
    expect(toEwsError('connect ECONNREFUSED 127.0.0.1:9').code).toBe('NetworkError');
    expect(escapeXmlText('R&D <"Labs"> \'x\'')).toBe('R&amp;D &lt;"Labs"&gt; \'x\'');
  });
});
