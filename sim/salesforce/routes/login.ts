/**
 * @module
 * SOAP partner login (`POST /services/Soap/u/{version}`) in the exact shape jsforce's regexes read (serverUrl,
 * sessionId, userId, organizationId; see /work/shared/reference/sf-captures), and the INVALID_LOGIN SOAP fault
 * (HTTP 500) jsforce turns into `INVALID_LOGIN: …`. Sandboxes answer `<sandbox>true</sandbox>` (ORG-03). The same URL
 * serves SOAP `logout`.
 */
import { checkPassword, issueSession, type LoginFailure } from '../auth.ts';
import type { Org } from '../org.ts';
import type { Row } from '../store.ts';
import type { Route, RouteMeta } from './types.ts';

const FAULT_TEXT: Record<LoginFailure, [string, string]> = {
  INVALID_LOGIN: ['INVALID_LOGIN', 'Invalid username, password, security token; or user locked out.'],
  INACTIVE_USER: ['INVALID_LOGIN', 'Invalid username, password, security token; or user locked out. (the user is inactive)'],
  LOCKED_OUT: ['INVALID_LOGIN', 'Invalid username, password, security token; or user locked out.'],
  API_DISABLED: ['API_DISABLED_FOR_ORG', 'API is not enabled for this Organization or Partner (the user has no API Enabled permission)'],
};

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function element(xml: string, name: string): string | undefined {
  const m = new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(xml);
  return m ? xmlUnescape(m[1]!) : undefined;
}

export function soapFault(code: string, message: string, status = 500): Response {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>' +
    `<soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${xmlEscape(`${code}: ${message}`)}</faultstring><detail>` +
    `<sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>${code}</sf:exceptionCode><sf:exceptionMessage>${xmlEscape(message)}` +
    '</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>';
  return new Response(body, { status, headers: { 'content-type': 'text/xml;charset=UTF-8' } });
}

function loginResponse(org: Org, user: Row, sessionId: string, version: string): Response {
  const id15 = org.orgId.slice(0, 15);
  const result =
    `<metadataServerUrl>${org.origin}/services/Soap/m/${version}/${id15}</metadataServerUrl>` +
    `<passwordExpired>${org.expiredPasswords.has(String(user.Id))}</passwordExpired>` +
    `<sandbox>${org.isSandbox}</sandbox>` +
    `<serverUrl>${org.origin}/services/Soap/u/${version}/${id15}</serverUrl>` +
    `<sessionId>${sessionId}</sessionId>` +
    `<userId>${String(user.Id)}</userId>` +
    '<userInfo>' +
    `<organizationId>${org.orgId}</organizationId>` +
    `<organizationName>${xmlEscape(org.label)}</organizationName>` +
    `<sessionSecondsValid>${org.sessionSeconds}</sessionSecondsValid>` +
    `<userEmail>${xmlEscape(String(user.Email))}</userEmail>` +
    `<userFullName>${xmlEscape(String(user.Name))}</userFullName>` +
    `<userId>${String(user.Id)}</userId>` +
    `<userName>${xmlEscape(String(user.Username))}</userName>` +
    `<userTimeZone>${xmlEscape(String(user.TimeZoneSidKey))}</userTimeZone>` +
    '</userInfo>';
  const body =
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><loginResponse>' +
    `<result>${result}</result></loginResponse></soapenv:Body></soapenv:Envelope>`;
  return new Response(body, { status: 200, headers: { 'content-type': 'text/xml;charset=UTF-8' } });
}

/** SOAP `logout` (jsforce `logout()` after a SOAP login posts it to the same URL): ends the session it names. */
function logout(org: Org, xml: string, meta: RouteMeta): Response {
  meta.note = 'logout';
  const sessionId = element(xml, 'sessionId') ?? '';
  const session = org.sessions.get(sessionId);
  if (!session) {
    meta.error = 'INVALID_SESSION_ID';
    return soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
  }
  meta.principal = String(org.store.get(session.userId)?.row.Username ?? '');
  org.sessions.delete(sessionId);
  const body =
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns="urn:partner.soap.sforce.com"><soapenv:Body><logoutResponse/></soapenv:Body></soapenv:Envelope>';
  return new Response(body, { status: 200, headers: { 'content-type': 'text/xml;charset=UTF-8' } });
}

export const soapLoginRoutes: Route[] = [
  {
    method: 'POST',
    path: '/services/Soap/u/:soapVersion',
    operation: 'login',
    auth: 'none',
    errorStyle: 'soap',
    handle: async ({ org, request, params, meta }) => {
      const version = /^\d+\.\d$/.test(params.soapVersion!) ? params.soapVersion! : '50.0';
      const xml = await request.text();
      if (/<(?:\w+:)?logout[\s/>]/.test(xml)) return logout(org, xml, meta);
      const username = element(xml, 'username');
      const password = element(xml, 'password');
      if (!/<(?:\w+:)?login[\s>]/.test(xml) || username === undefined || password === undefined) {
        return soapFault('INVALID_LOGIN', 'synclab Salesforce sim: only the partner login call is served here; send <login><username/><password/></login>');
      }
      meta.principal = username;
      const outcome = checkPassword(org, username, password);
      if ('failure' in outcome) {
        meta.note = outcome.failure;
        const [code, message] = FAULT_TEXT[outcome.failure];
        meta.error = code;
        return soapFault(code, message);
      }
      const sessionId = issueSession(org, String(outcome.user.Id), 'soap');
      return loginResponse(org, outcome.user, sessionId, version);
    },
  },
];
