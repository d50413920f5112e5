/**
 * POX Autodiscover (`POST /autodiscover/autodiscover.xml`, MS-OXDSCLI) with the Outlook provider schema: EXCH
 * (internal) and EXPR (external) protocols, each carrying the EwsUrl. Unknown address → ErrorCode 500; a hybrid
 * tenant's online mailbox → Action redirectAddr (CONN-07); bad request → 600; unsupported schema → 601.
 */
import type { Directory, MailboxIdentity } from '../directory/index.ts';
import { SERVER_VERSIONS } from '../soap/server-version.ts';
import { child, escapeXml, parseXml, XmlParseError, type XmlElement } from '../soap/xml.ts';
import { resolveAutodiscoverUser } from './resolve-user.ts';

export const POX_REQUEST_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006';
export const POX_RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006';
export const OUTLOOK_RESPONSE_SCHEMA = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';

export interface PoxContext {
  directory: Directory;
  ewsUrl: string;
  now: number;
}

export function handlePox(bodyText: string, ctx: PoxContext): Response {
  let root: XmlElement;
  try {
    root = parseXml(bodyText);
  } catch (error) {
    if (error instanceof XmlParseError) return errorResponse(ctx, '600', `Invalid Request (${error.message})`);
    throw error;
  }
  const request = root.ns === POX_REQUEST_NS && root.name === 'Autodiscover' ? child(root, POX_REQUEST_NS, 'Request') : undefined;
  const email = child(request, POX_REQUEST_NS, 'EMailAddress')?.text.trim();
  const schema = child(request, POX_REQUEST_NS, 'AcceptableResponseSchema')?.text.trim();
  if (!request || !email) return errorResponse(ctx, '600', 'Invalid Request');
  if (schema !== OUTLOOK_RESPONSE_SCHEMA) {
    return errorResponse(ctx, '601', `The requested schema version is not supported (synclab's Exchange sim answers only ${OUTLOOK_RESPONSE_SCHEMA})`);
  }
  const resolved = resolveAutodiscoverUser(ctx.directory, email);
  if (resolved.kind === 'unknown') return errorResponse(ctx, '500', 'The email address can\'t be found.');
  if (resolved.kind === 'redirect') {
    return xml(
      `<Response xmlns="${OUTLOOK_RESPONSE_SCHEMA}"><Account><Action>redirectAddr</Action>` +
        `<RedirectAddr>${escapeXml(resolved.target)}</RedirectAddr></Account></Response>`,
    );
  }
  return xml(settingsXml(ctx, resolved.mailbox));
}

function settingsXml(ctx: PoxContext, mailbox: MailboxIdentity): string {
  const online = mailbox.location === 'online';
  const server = online ? 'outlook.office365.com' : `exch01.${ctx.directory.tenant.domain}`;
  const url = escapeXml(ctx.ewsUrl);
  const protocol = (type: 'EXCH' | 'EXPR', extra: string) =>
    `<Protocol><Type>${type}</Type>${extra}<EwsUrl>${url}</EwsUrl><EmwsUrl>${url}</EmwsUrl></Protocol>`;
  return (
    `<Response xmlns="${OUTLOOK_RESPONSE_SCHEMA}"><User>` +
    `<DisplayName>${escapeXml(mailbox.displayName)}</DisplayName><LegacyDN>${escapeXml(mailbox.legacyDn)}</LegacyDN>` +
    `<AutoDiscoverSMTPAddress>${escapeXml(mailbox.address)}</AutoDiscoverSMTPAddress><DeploymentId>${mailbox.exchangeGuid}</DeploymentId></User>` +
    `<Account><AccountType>email</AccountType><Action>settings</Action><MicrosoftOnline>${online ? 'True' : 'False'}</MicrosoftOnline>` +
    protocol('EXCH', `<Server>${mailbox.exchangeGuid}@${escapeXml(ctx.directory.tenant.domain)}</Server><ServerVersion>${serverVersionHex(mailbox)}</ServerVersion>`) +
    protocol('EXPR', `<Server>${escapeXml(server)}</Server><SSL>On</SSL><AuthPackage>${authPackage(ctx.directory)}</AuthPackage>`) +
    `</Account></Response>`
  );
}

/** MS-OXDSCLI ServerVersion: 0111, 6-bit major, 6-bit minor, a set bit, 15-bit build — as 8 hex digits. */
export function serverVersionHex(mailbox: MailboxIdentity): string {
  const v = SERVER_VERSIONS[mailbox.version];
  const value = ((0b0111 << 28) | (v.majorVersion << 22) | (v.minorVersion << 16) | 0x8000 | (v.majorBuildNumber & 0x7fff)) >>> 0;
  return value.toString(16).toUpperCase().padStart(8, '0');
}

function authPackage(directory: Directory): string {
  const { auth } = directory.tenant;
  if (auth.basic && !auth.basicRetired) return 'Basic';
  if (auth.ntlm) return 'Ntlm';
  return 'Anonymous';
}

function xml(responseXml: string): Response {
  return new Response(`<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${POX_RESPONSE_NS}">${responseXml}</Autodiscover>`, {
    status: 200,
    headers: { 'content-type': 'text/xml; charset=utf-8' },
  });
}

function errorResponse(ctx: PoxContext, code: '500' | '600' | '601', message: string): Response {
  const time = new Date(ctx.now).toISOString().slice(11, 23);
  return xml(
    `<Response><Error Time="${time}" Id="2477017498"><ErrorCode>${code}</ErrorCode>` +
      `<Message>${escapeXml(message)}</Message><DebugData/></Error></Response>`,
  );
}
