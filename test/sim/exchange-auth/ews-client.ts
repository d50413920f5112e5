/**
 * The real ews-javascript-api client, set up the way the auth tests need it: one service per credential and
 * (optionally) impersonated mailbox, a cheap authenticated call, and a way to look at the library's rejections.
 */
import {
  ConnectingIdType, ExchangeService, ExchangeVersion, Folder, ImpersonatedUserId, Uri, WellKnownFolderName,
  type ExchangeCredentials,
} from 'ews-javascript-api';

export function ewsService(url: string, credentials: ExchangeCredentials, impersonate?: string): ExchangeService {
  const svc = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
  svc.Url = new Uri(url);
  svc.Credentials = credentials;
  if (impersonate) svc.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, impersonate);
  return svc;
}

/** GetFolder on Contacts: the smallest call that needs authentication and a mailbox. */
export const bindContacts = (svc: ExchangeService): Promise<string> =>
  Folder.Bind(svc, WellKnownFolderName.Contacts).then((f) => f.DisplayName);

export interface EwsRejection {
  message?: string;
  HttpStatusCode?: number;
  ResponseCode?: number;
}

/** ews-javascript-api rejects with its own objects (not Error instances): capture whatever it is. */
export async function rejection(promise: Promise<unknown>): Promise<EwsRejection> {
  try {
    await promise;
  } catch (error) {
    return error as EwsRejection;
  }
  throw new Error('expected the EWS call to fail');
}
