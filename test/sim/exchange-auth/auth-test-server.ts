/**
 * A stand-in EWS endpoint for the auth tests until EX-OPS's startExchangeSim lands: real sockets
 * (serveFetchHandler, so NTLM sees connection ids), the real authenticator and impersonation check, and a canned
 * GetFolder(contacts) answer from the client-probe captures. Not a sim: it proves who got in, nothing more.
 */
import { serveFetchHandler, type RunningServer } from '../../../sim/core/http-server.ts';
import { createAuthenticator, principalName, type Principal } from '../../../sim/exchange/auth/index.ts';
import type { Directory } from '../../../sim/exchange/directory/index.ts';
import { parseSoapRequest } from '../../../sim/exchange/soap/envelope.ts';
import { EwsFault, soapFaultResponse } from '../../../sim/exchange/soap/fault.ts';
import type { Clock } from '../../../src/time/clock.ts';

const CONTACTS_FOLDER =
  '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
  '<m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">' +
  '<m:ResponseMessages><m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Folders><t:ContactsFolder>' +
  '<t:FolderId Id="AAMkContacts" ChangeKey="AgAAAA=="/><t:FolderClass>IPF.Contact</t:FolderClass><t:DisplayName>Contacts of MAILBOX</t:DisplayName>' +
  '</t:ContactsFolder></m:Folders></m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse></s:Body></s:Envelope>';

export interface AuthTestServer extends RunningServer {
  ewsUrl: string;
  /** Who each answered request authenticated as (names only), and the failure reasons of the others. */
  log: Array<{ method: string; principal?: string; failure?: string; authorization?: string }>;
}

export async function startAuthTestServer(directory: Directory, clock: Clock): Promise<AuthTestServer> {
  const authenticator = createAuthenticator(directory, clock);
  const log: AuthTestServer['log'] = [];
  const server = await serveFetchHandler(
    async (request) => {
      const scheme = request.headers.get('authorization')?.split(' ')[0];
      const auth = await authenticator.authenticate(request);
      if (!auth.ok) {
        log.push({ method: request.method, failure: auth.reason, authorization: scheme });
        return auth.response;
      }
      log.push({ method: request.method, principal: principalName(auth.principal), authorization: scheme });
      const soap = parseSoapRequest(await request.text());
      const mailbox = actAs(directory, auth.principal, soap.impersonation?.value);
      return new Response(CONTACTS_FOLDER.replace('MAILBOX', mailbox), { headers: { 'content-type': 'text/xml; charset=utf-8' } });
    },
    {
      onError: (error) =>
        error instanceof EwsFault ? soapFaultResponse(error.spec) : soapFaultResponse({ responseCode: 'ErrorInternalServerError', message: String(error) }),
    },
  );
  return Object.assign(server, { ewsUrl: `${server.origin}/EWS/Exchange.asmx`, log });
}

function actAs(directory: Directory, principal: Principal, impersonated: string | undefined): string {
  if (impersonated === undefined) return principalName(principal);
  const decision = directory.checkImpersonation(principal, impersonated);
  if (!decision.ok) {
    throw new EwsFault({
      responseCode: decision.responseCode,
      message: decision.message,
      details: decision.responseCode === 'ErrorNonExistentMailbox' ? { SmtpAddress: impersonated } : undefined,
    });
  }
  return decision.mailbox.address;
}
