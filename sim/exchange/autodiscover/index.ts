/**
 * @module
 * Autodiscover for the Exchange sim: SOAP (`POST /autodiscover/autodiscover.svc`, GetUserSettings — what
 * ews-javascript-api's AutodiscoverService uses — and GetDomainSettings) and POX (`POST /autodiscover/autodiscover.xml`, the Outlook provider
 * schema). Both require authentication, like Exchange. Anything else answers a fault or error that says
 * "not implemented by synclab's Exchange sim: …" — never an empty success.
 */
import type { Clock } from '#time/clock.ts';
import type { Authenticator } from '../auth/index.ts';
import type { Directory } from '../directory/index.ts';
import type { ExchangeVersionName } from '../world.ts';
import { child, NS, parseXml, XmlParseError, type XmlElement } from '../soap/xml.ts';
import { getDomainSettings } from './get-domain-settings.ts';
import { getUserSettings } from './get-user-settings.ts';
import { handlePox } from './pox.ts';
import { AUTODISCOVER_NS, autodiscoverEnvelope, autodiscoverFault, soapXmlResponse, WSA_NS } from './soap-xml.ts';

export { SUPPORTED_USER_SETTINGS } from './user-settings.ts';

export interface AutodiscoverContext {
  directory: Directory;
  authenticator: Authenticator;
  /** The EWS URL to hand out (ExternalEwsUrl, InternalEwsUrl, POX EwsUrl). */
  ewsUrl: string;
  clock: Clock;
}

export const AUTODISCOVER_SOAP_PATH = '/autodiscover/autodiscover.svc';
export const AUTODISCOVER_POX_PATH = '/autodiscover/autodiscover.xml';

/** True for the paths this module answers (case-insensitive, as IIS). */
export function isAutodiscoverPath(pathname: string): boolean {
  return pathname.toLowerCase().startsWith('/autodiscover/');
}

export async function handleAutodiscover(request: Request, ctx: AutodiscoverContext): Promise<Response> {
  const pathname = new URL(request.url).pathname.toLowerCase();
  const isSoap = pathname === AUTODISCOVER_SOAP_PATH || pathname === `${AUTODISCOVER_SOAP_PATH}/wssecurity`;
  const isPox = pathname === AUTODISCOVER_POX_PATH;
  if (!isSoap && !isPox) {
    return new Response(`not implemented by synclab's Exchange sim: ${request.method} ${pathname}`, { status: 404, headers: { 'content-type': 'text/plain' } });
  }
  if (request.method !== 'POST') {
    return new Response(`Autodiscover answers POST only (got ${request.method})`, { status: 405, headers: { allow: 'POST', 'content-type': 'text/plain' } });
  }
  const auth = await ctx.authenticator.authenticate(request);
  if (!auth.ok) return auth.response;
  const body = await request.text();
  if (isPox) return handlePox(body, { directory: ctx.directory, ewsUrl: ctx.ewsUrl, now: ctx.clock.now() });
  return handleSoap(body, ctx);
}

/** In a hybrid tenant this endpoint is the on-premises Autodiscover (CONN-07), so it never reports Exchange Online. */
function autodiscoverServerVersion(directory: Directory): ExchangeVersionName {
  const version = directory.tenant.version;
  return directory.isHybrid && version === 'ExchangeOnline' ? 'Exchange2019' : version;
}

function handleSoap(bodyText: string, ctx: AutodiscoverContext): Response {
  let root: XmlElement;
  try {
    root = parseXml(bodyText);
  } catch (error) {
    if (error instanceof XmlParseError) return autodiscoverFault('DeserializationFailed', `The request is not well-formed XML: ${error.message}`);
    throw error;
  }
  const body = child(root, NS.soap, 'Body');
  const operation = body?.children[0];
  if (root.ns !== NS.soap || root.name !== 'Envelope' || !operation) {
    return autodiscoverFault('DeserializationFailed', 'The request must be a SOAP 1.1 Envelope whose Body holds one Autodiscover request message.');
  }
  const actionHeader = child(child(root, NS.soap, 'Header'), WSA_NS, 'Action')?.text.trim();
  const action = actionHeader?.split('/').pop() ?? operation.name.replace(/RequestMessage$/, '');
  const version = autodiscoverServerVersion(ctx.directory);
  if (operation.ns === AUTODISCOVER_NS && operation.name === 'GetUserSettingsRequestMessage' && action === 'GetUserSettings') {
    return soapXmlResponse(autodiscoverEnvelope('GetUserSettings', version, getUserSettings(operation, ctx)));
  }
  if (operation.ns === AUTODISCOVER_NS && operation.name === 'GetDomainSettingsRequestMessage' && action === 'GetDomainSettings') {
    return soapXmlResponse(autodiscoverEnvelope('GetDomainSettings', version, getDomainSettings(operation, ctx)));
  }
  return autodiscoverFault('ActionNotSupported', `not implemented by synclab's Exchange sim: Autodiscover ${action}`);
}
