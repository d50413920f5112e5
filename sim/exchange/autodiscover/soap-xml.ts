/**
 * SOAP Autodiscover envelopes (MS-OXWSADISC), written the way Exchange's WCF endpoint writes them — see
 * /work/shared/reference/ews-captures/resp-30-Autodiscover-GetUserSettings.xml — and its WCF-style faults.
 */
import { SERVER_VERSIONS } from '../soap/server-version.ts';
import { escapeXml, NS } from '../soap/xml.ts';
import type { ExchangeVersionName } from '../world.ts';

export const AUTODISCOVER_NS = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
export const WSA_NS = 'http://www.w3.org/2005/08/addressing';
const WCF_DISPATCHER_NS = 'http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher';

/** The Version the Autodiscover service reports: 2016 and later say Exchange2015, as in the capture. */
const AUTODISCOVER_VERSION: Record<ExchangeVersionName, string> = {
  Exchange2010: 'Exchange2010_SP2',
  Exchange2013_SP1: 'Exchange2013_SP1',
  Exchange2016: 'Exchange2015',
  Exchange2019: 'Exchange2015',
  ExchangeOnline: 'Exchange2015',
};

export function autodiscoverEnvelope(action: string, serverVersion: ExchangeVersionName, bodyXml: string): string {
  const v = SERVER_VERSIONS[serverVersion];
  const versionInfo =
    `<h:ServerVersionInfo xmlns:h="${AUTODISCOVER_NS}" xmlns:i="${NS.xsi}">` +
    `<h:MajorVersion>${v.majorVersion}</h:MajorVersion><h:MinorVersion>${v.minorVersion}</h:MinorVersion>` +
    `<h:MajorBuildNumber>${v.majorBuildNumber}</h:MajorBuildNumber><h:MinorBuildNumber>${v.minorBuildNumber}</h:MinorBuildNumber>` +
    `<h:Version>${AUTODISCOVER_VERSION[serverVersion]}</h:Version></h:ServerVersionInfo>`;
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}" xmlns:a="${WSA_NS}"><s:Header>` +
    `<a:Action s:mustUnderstand="1">${AUTODISCOVER_NS}/Autodiscover/${action}Response</a:Action>${versionInfo}</s:Header>` +
    `<s:Body>${bodyXml}</s:Body></s:Envelope>`
  );
}

/** A WCF dispatcher fault (HTTP 500 with a SOAP body, so EWS clients parse it instead of hanging). */
export function autodiscoverFault(code: 'ActionNotSupported' | 'InternalServiceFault' | 'DeserializationFailed', message: string): Response {
  const xml =
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}"><s:Body><s:Fault>` +
    `<faultcode xmlns:a="${WCF_DISPATCHER_NS}">a:${code}</faultcode>` +
    `<faultstring xml:lang="en-US">${escapeXml(message)}</faultstring></s:Fault></s:Body></s:Envelope>`;
  return new Response(xml, { status: 500, headers: { 'content-type': 'text/xml; charset=utf-8' } });
}

export function soapXmlResponse(xml: string): Response {
  return new Response(xml, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });
}

export function element(name: string, value: string | undefined): string {
  if (value === undefined) return `<${name} i:nil="true"/>`;
  return value === '' ? `<${name}/>` : `<${name}>${escapeXml(value)}</${name}>`;
}
