/**
 * @module
 * Builds the ews-javascript-api services the engine uses: one ExchangeService per rep, acting as the rep through
 * impersonation (CONN-04) with the service account's Basic/NTLM credentials or an OAuth bearer token (CONN-01/05),
 * and an AutodiscoverService at an explicit URL (`ExchangeService.AutodiscoverUrl()` is not implemented in the client).
 * Every service carries the dispatcher channel header, so the process-wide XHR applies this engine's timeout and NTLM.
 */
import {
  AutodiscoverService, ConnectingIdType, ExchangeService, ExchangeVersion, ImpersonatedUserId, OAuthCredentials, Uri,
  WebCredentials, type ExchangeServiceBase,
} from 'ews-javascript-api';
import type { EngineConfig } from '../api.ts';
import { CHANNEL_HEADER, bindUrlToChannel } from './xhr-dispatcher.ts';

export type ExchangeAuthConfig = EngineConfig['exchange'];

/** Lowest schema every supported server accepts (CONN-06: 2013 SP1 and later). */
export const REQUEST_VERSION = ExchangeVersion.Exchange2013_SP1;

export interface ServiceOptions {
  auth: ExchangeAuthConfig;
  channelId: string;
  /** Current OAuth access token (method oauth). */
  token?: string;
}

export function createMailboxService(ewsUrl: string, mailbox: string, options: ServiceOptions): ExchangeService {
  const service = new ExchangeService(REQUEST_VERSION);
  service.Url = new Uri(ewsUrl);
  applyAuth(service, options);
  service.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox);
  // Routes the request to the rep's mailbox server in Exchange Online and hybrid front ends.
  service.HttpHeaders.Add('X-AnchorMailbox', mailbox);
  return service;
}

export function createAutodiscoverService(autodiscoverUrl: string, options: ServiceOptions): AutodiscoverService {
  const service = new AutodiscoverService(new Uri(autodiscoverUrl), REQUEST_VERSION);
  applyAuth(service, options);
  bindUrlToChannel(autodiscoverUrl, options.channelId);
  return service;
}

function applyAuth(service: ExchangeServiceBase, options: ServiceOptions): void {
  service.HttpHeaders.Add(CHANNEL_HEADER, options.channelId);
  if (options.auth.method === 'oauth') {
    if (!options.token) throw new Error('exchange: OAuth method but no access token was obtained; check the token URL and client credentials');
    service.Credentials = new OAuthCredentials(options.token);
    return;
  }
  // With NTLM the dispatcher's XhrApi negotiates on the socket; the client still insists on Credentials being set.
  service.Credentials = new WebCredentials(options.auth.username, options.auth.password);
}
