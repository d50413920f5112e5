/**
 * @module
 * Connecting to one rep's mailbox: the EWS URL (the org's EwsUrl, or Autodiscover at the org's AutodiscoverUrl with
 * the rep's address), the impersonating service (CONN-04), the call context with the rep's back-off gate (G-06), and
 * the reader / writer over them. Autodiscover answers and server versions are cached per engine.
 */
import { AutodiscoverErrorCode, UserSettingName, type GetUserSettingsResponse } from 'ews-javascript-api';
import { ScenarioClock } from '#time/clock.ts';
import { callEws, type BackOffGate, type EwsCallContext } from '../exchange/ews-call.ts';
import { EwsError } from '../exchange/ews-error.ts';
import { createAutodiscoverService, createMailboxService } from '../exchange/ews-service.ts';
import { MailboxReader } from '../exchange/mailbox-reads.ts';
import { MailboxWriter } from '../exchange/mailbox-writes.ts';
import { MailboxSearch } from '../exchange/mailbox-search.ts';
import type { SetupRecord } from '../salesforce/setup-reader.ts';
import type { EngineRuntime } from './runtime.ts';

/** On wall time, a back-off longer than this skips the mailbox for the cycle instead of stalling it (G-06). */
const MAX_WALL_WAIT_MS = 60_000;

/** Autodiscover redirects followed before giving up (a loop between two servers must not spin). */
const MAX_REDIRECTS = 3;

export interface RepConnection {
  mailbox: string;
  ctx: EwsCallContext;
  reader: MailboxReader;
  writer: MailboxWriter;
  search: MailboxSearch;
}

export function callContext(rt: EngineRuntime, mailbox: string, gate: BackOffGate): EwsCallContext {
  return {
    clock: rt.clock,
    rng: rt.rng.fork(`ews:${mailbox.toLowerCase()}`),
    channelId: rt.channelId,
    mailbox,
    gate,
    timeoutMs: rt.options.ewsTimeoutMs,
    maxRetries: rt.options.maxRetries,
    ...(rt.clock instanceof ScenarioClock ? {} : { maxWaitMs: MAX_WALL_WAIT_MS }),
  };
}

/** EWS URL for this mailbox: the org's fixed EwsUrl, or what Autodiscover says (cached). */
export async function ewsUrlFor(rt: EngineRuntime, setup: SetupRecord | undefined, mailbox: string, gate: BackOffGate): Promise<string> {
  if (setup?.EwsUrl) return setup.EwsUrl;
  const key = mailbox.toLowerCase();
  const cached = rt.ewsUrls.get(key);
  if (cached) return cached;
  if (!setup?.AutodiscoverUrl) {
    throw new EwsError('AutodiscoverNotConfigured', 'The org\'s Lightning Sync setup names neither an EWS URL nor an Autodiscover URL; set one in Setup (LightningSyncSetup.EwsUrl or AutodiscoverUrl)');
  }
  const service = createAutodiscoverService(setup.AutodiscoverUrl, { auth: rt.config.exchange, channelId: rt.channelId, ...(await token(rt)) });
  const ctx = callContext(rt, mailbox, gate);
  const names = [UserSettingName.ExternalEwsUrl, UserSettingName.InternalEwsUrl, UserSettingName.UserMSOnline];
  let address = mailbox;
  let redirected = false;
  // The array form: the single-address form follows redirects itself by DNS/SCP discovery, which cannot work here.
  const ask = async (who: string) =>
    (await callEws(ctx, 'GetUserSettings', () => service.GetUserSettings([who] as unknown as string, names) as unknown as Promise<{ Responses: GetUserSettingsResponse[] }>, { idempotent: true })).Responses[0]!;
  let response = await ask(address);
  // A hybrid on-premises Autodiscover redirects a cloud mailbox to its routing address (CONN-07): follow it, bounded.
  for (let hop = 0; response.ErrorCode === AutodiscoverErrorCode.RedirectAddress && response.RedirectTarget && hop < MAX_REDIRECTS; hop++) {
    address = response.RedirectTarget;
    redirected = true;
    response = await ask(address);
  }
  if (response.ErrorCode !== AutodiscoverErrorCode.NoError) {
    const code = AutodiscoverErrorCode[response.ErrorCode] ?? String(response.ErrorCode);
    throw new EwsError(`Autodiscover${code}`, `Autodiscover found no EWS endpoint for ${mailbox} (${code}: ${response.ErrorMessage ?? ''}); check the address or the org's Autodiscover URL`);
  }
  const url = setting(response, UserSettingName.ExternalEwsUrl) ?? setting(response, UserSettingName.InternalEwsUrl);
  if (!url) throw new EwsError('AutodiscoverNoEwsUrl', `Autodiscover answered for ${mailbox} without an EWS URL (ExternalEwsUrl / InternalEwsUrl)`);
  const online = setting(response, UserSettingName.UserMSOnline);
  if (online !== undefined) rt.online.set(key, String(online).toLowerCase() === 'true');
  else if (redirected) rt.online.set(key, true);
  rt.ewsUrls.set(key, url);
  return url;
}

export async function connectRep(rt: EngineRuntime, setup: SetupRecord | undefined, mailbox: string, gate: BackOffGate): Promise<RepConnection> {
  const url = await ewsUrlFor(rt, setup, mailbox, gate);
  const service = createMailboxService(url, mailbox, { auth: rt.config.exchange, channelId: rt.channelId, ...(await token(rt)) });
  const ctx = callContext(rt, mailbox, gate);
  const reader = new MailboxReader(service, ctx, rt.options.ewsBatchSize);
  return { mailbox, ctx, reader, writer: new MailboxWriter(service, ctx, rt.options.ewsBatchSize), search: new MailboxSearch(service, ctx, reader) };
}

async function token(rt: EngineRuntime): Promise<{ token?: string }> {
  return rt.tokens ? { token: await rt.tokens.token() } : {};
}

function setting(response: { GetSettingValue<T>(name: UserSettingName): T }, name: UserSettingName): string | undefined {
  try {
    const value = response.GetSettingValue<unknown>(name);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  } catch {
    return undefined;
  }
}
