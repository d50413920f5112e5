/**
 * @module
 * SOAP 1.1 envelopes for EWS: reading a request (RequestServerVersion, ExchangeImpersonation, TimeZoneContext, the
 * operation element) and writing a response with ServerVersionInfo (SIM-EX-06) and ResponseMessages.
 */
import { EwsFault, schemaValidationFault } from './fault.ts';
import type { ServerVersionInfo } from './server-version.ts';
import { child, escapeXml, NS, parseXml, tag, textOf, XmlParseError, type XmlElement } from './xml.ts';

export type ConnectingIdKind = 'SmtpAddress' | 'PrimarySmtpAddress' | 'PrincipalName' | 'SID';

export interface SoapRequest {
  /** RequestServerVersion@Version, if the header was sent. */
  requestServerVersion?: string;
  /** ExchangeImpersonation/ConnectingSID, if sent. */
  impersonation?: { kind: ConnectingIdKind; value: string };
  /** TimeZoneContext/TimeZoneDefinition Id (and Name), if sent. Calendar writes carry it (client-probe §3.3). */
  timeZone?: { id: string; name?: string };
  header?: XmlElement;
  /** The first element of the body: the operation (FindItem, …) in the messages namespace. */
  operation: XmlElement;
}

/**
 * Parses an EWS request. Malformed XML and non-SOAP documents throw EwsFault(ErrorSchemaValidation) — the caller
 * answers it as Exchange does, with an HTTP 500 SOAP fault.
 */
export function parseSoapRequest(body: string): SoapRequest {
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch (error) {
    if (error instanceof XmlParseError) throw new EwsFault(schemaValidationFault(error.reason, error.line, error.column));
    throw error;
  }
  if (root.ns !== NS.soap || root.name !== 'Envelope') {
    const found = root.ns ? `{${root.ns}}${root.name}` : root.name;
    throw new EwsFault(
      schemaValidationFault(`the root element must be a SOAP 1.1 Envelope (${NS.soap}), found ${found}`, root.line, root.column),
    );
  }
  const header = child(root, NS.soap, 'Header');
  const bodyEl = child(root, NS.soap, 'Body');
  const operation = bodyEl?.children[0];
  if (!bodyEl || !operation) {
    throw new EwsFault(schemaValidationFault('the SOAP Body is missing or empty; it must hold one EWS operation element', root.line, root.column));
  }
  const request: SoapRequest = { operation };
  if (header) request.header = header;
  const version = child(header, NS.types, 'RequestServerVersion')?.attrs['Version'];
  if (version !== undefined) request.requestServerVersion = version;

  const sid = child(child(header, NS.types, 'ExchangeImpersonation'), NS.types, 'ConnectingSID');
  if (sid) {
    const idEl = sid.children.find((c) => c.ns === NS.types);
    const kind = idEl?.name;
    if (!idEl || !isConnectingIdKind(kind) || idEl.text.trim() === '') {
      throw new EwsFault({
        responseCode: 'ErrorInvalidExchangeImpersonationHeaderData',
        message:
          'The impersonation header must name the user with one of SmtpAddress, PrimarySmtpAddress, PrincipalName or SID, and the value must not be empty.',
      });
    }
    request.impersonation = { kind, value: idEl.text.trim() };
  }
  const tz = child(child(header, NS.types, 'TimeZoneContext'), NS.types, 'TimeZoneDefinition');
  if (tz?.attrs['Id']) request.timeZone = { id: tz.attrs['Id'], ...(tz.attrs['Name'] ? { name: tz.attrs['Name'] } : {}) };
  return request;
}

function isConnectingIdKind(value: string | undefined): value is ConnectingIdKind {
  return value === 'SmtpAddress' || value === 'PrimarySmtpAddress' || value === 'PrincipalName' || value === 'SID';
}

/** The ServerVersionInfo header element, in the form the captures show. */
export function serverVersionInfoXml(info: ServerVersionInfo): string {
  return tag('h:ServerVersionInfo', {
    MajorVersion: info.majorVersion,
    MinorVersion: info.minorVersion,
    MajorBuildNumber: info.majorBuildNumber,
    MinorBuildNumber: info.minorBuildNumber,
    Version: info.version,
    'xmlns:h': NS.types,
    xmlns: NS.types,
    'xmlns:xsi': NS.xsi,
    'xmlns:xsd': NS.xsd,
  });
}

/** A whole response document: header with ServerVersionInfo, body with `<m:{operation}Response>`. */
export function responseEnvelope(operation: string, info: ServerVersionInfo | undefined, responseMessagesXml: string): string {
  const header = info ? `<s:Header>${serverVersionInfoXml(info)}</s:Header>` : '';
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}">${header}` +
    `<s:Body xmlns:xsi="${NS.xsi}" xmlns:xsd="${NS.xsd}">` +
    `<m:${operation}Response xmlns:m="${NS.messages}" xmlns:t="${NS.types}">` +
    `<m:ResponseMessages>${responseMessagesXml}</m:ResponseMessages></m:${operation}Response></s:Body></s:Envelope>`
  );
}

/** One successful ResponseMessage; `content` is already-serialized XML (Items, RootFolder, …). */
export function successMessage(operation: string, content = ''): string {
  return `<m:${operation}ResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>${content}</m:${operation}ResponseMessage>`;
}

export interface MessageError {
  responseCode: string;
  message: string;
  details?: Record<string, string | number>;
}

/**
 * One failed ResponseMessage, ordered as Exchange writes it (MessageText, ResponseCode, DescriptiveLinkKey,
 * MessageXml, then the operation's empty container such as `<m:Items/>`).
 */
export function errorMessage(operation: string, error: MessageError, trailing = ''): string {
  const details = error.details
    ? `<m:MessageXml>${Object.entries(error.details)
        .map(([name, value]) => tag('t:Value', { Name: name }, escapeXml(String(value))))
        .join('')}</m:MessageXml>`
    : '';
  return (
    `<m:${operation}ResponseMessage ResponseClass="Error"><m:MessageText>${escapeXml(error.message)}</m:MessageText>` +
    `<m:ResponseCode>${escapeXml(error.responseCode)}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>` +
    `${details}${trailing}</m:${operation}ResponseMessage>`
  );
}

export function xmlResponse(xml: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(xml, { status, headers: { 'content-type': 'text/xml; charset=utf-8', ...headers } });
}

/** Text helper re-exported for operation parsers. */
export { textOf };
