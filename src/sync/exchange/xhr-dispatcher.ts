/**
 * @module
 * ews-javascript-api keeps ONE XHR implementation for the whole process (`ConfigurationApi.ConfigureXHR` sets a static
 * on XHRFactory), and both the per-call timeout and NTLM live on that XHR object. Two engines in one process (a sandbox
 * and a production org, ORG-01) or two reps with different settings would overwrite each other.
 *
 * So the engine installs this dispatcher once and never calls ConfigureXHR again. Every ExchangeService the engine
 * builds carries a channel header naming its registered settings (timeout, NTLM credentials); the dispatcher strips
 * the header and forwards the request through that channel's own `XhrApi`. It also remembers the Retry-After of the
 * last 503 per channel, which the library otherwise drops on the floor.
 */
import { ConfigurationApi, XhrApi } from 'ews-javascript-api';
import { installStrayRejectionGuard, soapFaultFor500 } from './stray-rejections.ts';

export const CHANNEL_HEADER = 'x-synclab-ews-channel';

export interface ChannelSettings {
  /** Wall-clock timeout of one HTTP exchange, ms. */
  timeoutMs: number;
  /** NTLM (user as DOMAIN\\user or UPN). Absent = whatever the service's Credentials send (Basic or Bearer). */
  ntlm?: { username: string; password: string };
}

interface Channel {
  settings: ChannelSettings;
  api: XhrApi;
  /** Retry-After of the last 503 answered on this channel, ms (G-06). */
  lastRetryAfterMs?: number;
  /** HTTP status of the last failed exchange, for rejections that lose it (see `takeFailedStatus`). */
  lastFailedStatus?: number;
}

type XhrOptions = Parameters<XhrApi['xhr']>[0];
type XhrProgress = Parameters<XhrApi['xhrStream']>[1];
type XhrResult = ReturnType<XhrApi['xhr']>;

const channels = new Map<string, Channel>();
/** Autodiscover requests do not carry the service's HttpHeaders (AutodiscoverRequest builds its own): route by URL. */
const urlChannels = new Map<string, string>();
let installed = false;
let nextChannel = 1;

class EngineXhrDispatcher {
  readonly apiName = 'synclab-dispatcher';

  async xhr(options: XhrOptions, progress?: XhrProgress): XhrResult {
    const { channel, forwarded } = route(options);
    try {
      const response = await channel.api.xhr(forwarded, progress);
      channel.lastFailedStatus = undefined;
      return response;
    } catch (failure) {
      const status = (failure as { status?: number }).status;
      channel.lastFailedStatus = status;
      if (status === 503 || status === 429) channel.lastRetryAfterMs = parseRetryAfter(failure);
      // A 500 the library cannot parse would hang the call and leak an unhandledRejection (stray-rejections.ts).
      const fault = failure && typeof failure === 'object' ? soapFaultFor500(status, (failure as { responseText?: unknown }).responseText, String(forwarded.url)) : undefined;
      if (fault !== undefined) Object.assign(failure as object, { responseText: fault });
      throw failure;
    }
  }

  xhrStream(options: XhrOptions, progress: XhrProgress): XhrResult {
    const { channel, forwarded } = route(options);
    return channel.api.xhrStream(forwarded, progress);
  }

  disconnect(): void {
    for (const channel of channels.values()) channel.api.disconnect();
  }
}

/** Installs the dispatcher as the process-wide XHR (idempotent). */
export function installXhrDispatcher(): void {
  if (installed) return;
  installStrayRejectionGuard();
  ConfigurationApi.ConfigureXHR(new EngineXhrDispatcher() as unknown as XhrApi);
  installed = true;
}

/** Registers settings and returns the channel id to put in the service's HttpHeaders. */
export function openChannel(settings: ChannelSettings): string {
  installXhrDispatcher();
  const id = `ch${nextChannel++}`;
  const api = new XhrApi({ timeout: settings.timeoutMs });
  if (settings.ntlm) api.useNtlmAuthentication(settings.ntlm.username, settings.ntlm.password);
  channels.set(id, { settings, api });
  return id;
}

export function closeChannel(id: string): void {
  channels.delete(id);
  for (const [url, channel] of urlChannels) if (channel === id) urlChannels.delete(url);
}

/** Requests to this exact URL without a channel header use this channel (last registration wins). */
export function bindUrlToChannel(url: string, id: string): void {
  urlChannels.set(url.toLowerCase(), id);
}

/** Retry-After (ms) of the last 503 on this channel, consumed by the caller. */
export function takeRetryAfter(id: string): number | undefined {
  const channel = channels.get(id);
  const value = channel?.lastRetryAfterMs;
  if (channel) channel.lastRetryAfterMs = undefined;
  return value;
}

/**
 * HTTP status of the last failed request on this channel, consumed by the caller. ews-javascript-api's
 * AutodiscoverService rejects a failed request with the bare response body (a string: no status), so a 401 from
 * Autodiscover (Basic retired, CONN-08) would otherwise be an anonymous "HttpError".
 */
export function takeFailedStatus(id: string): number | undefined {
  const channel = channels.get(id);
  const value = channel?.lastFailedStatus;
  if (channel) channel.lastFailedStatus = undefined;
  return value;
}

function route(options: XhrOptions): { channel: Channel; forwarded: XhrOptions } {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  let id: string | undefined;
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === CHANNEL_HEADER) {
      id = headers[name];
      delete headers[name];
    }
  }
  id ??= urlChannels.get(String(options.url).toLowerCase());
  const channel = id ? channels.get(id) : undefined;
  if (!channel) {
    // A service built outside the engine (or a closed channel): refuse loudly rather than send without a timeout.
    // `responseText` is what ews-javascript-api rethrows from a failed request, so the message reaches the caller.
    const message = `synclab EWS dispatcher: no channel "${id ?? '(none)'}" is registered for ${options.url}; build services through src/sync/exchange`;
    throw Object.assign(new Error(message), { status: 0, responseText: message });
  }
  return { channel, forwarded: { ...options, headers } };
}

function parseRetryAfter(failure: unknown): number | undefined {
  const get = (failure as { getResponseHeader?: (h: string) => string | null }).getResponseHeader;
  const text = typeof get === 'function' ? get('retry-after') : undefined;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
