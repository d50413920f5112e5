/**
 * SOAP Autodiscover GetUserSettings: per user, the requested settings (ExternalEwsUrl, UserDisplayName, …), or a
 * per-user error (InvalidUser for an unknown address; RedirectAddress for a hybrid tenant's online mailbox,
 * CONN-07), or per-setting errors for settings the sim does not know.
 */
import type { Directory } from '../directory/index.ts';
import { children, child, type XmlElement } from '../soap/xml.ts';
import { resolveAutodiscoverUser } from './resolve-user.ts';
import { AUTODISCOVER_NS, element } from './soap-xml.ts';
import { SUPPORTED_USER_SETTINGS, userSetting } from './user-settings.ts';
import { escapeXml, NS } from '../soap/xml.ts';

/** Exchange caps one GetUserSettings request at 100 users. */
const MAX_USERS = 100;

export interface GetUserSettingsContext {
  directory: Directory;
  ewsUrl: string;
}

export function getUserSettings(body: XmlElement, ctx: GetUserSettingsContext): string {
  const request = child(body, AUTODISCOVER_NS, 'Request');
  const mailboxes = children(child(request, AUTODISCOVER_NS, 'Users'), AUTODISCOVER_NS, 'User').map(
    (user) => child(user, AUTODISCOVER_NS, 'Mailbox')?.text.trim() ?? '',
  );
  const settings = children(child(request, AUTODISCOVER_NS, 'RequestedSettings'), AUTODISCOVER_NS, 'Setting').map((s) => s.text.trim());

  if (mailboxes.length === 0) return responseXml('InvalidRequest', 'The request must name at least one user (Users/User/Mailbox).', '');
  if (mailboxes.length > MAX_USERS) return responseXml('InvalidRequest', `The request names ${mailboxes.length} users; the limit is ${MAX_USERS}.`, '');
  if (settings.length === 0) return responseXml('InvalidRequest', 'The request must name at least one setting (RequestedSettings/Setting).', '');

  const users = mailboxes.map((address) => userResponse(ctx, address, settings)).join('');
  return responseXml('NoError', '', `<UserResponses>${users}</UserResponses>`);
}

function responseXml(errorCode: string, errorMessage: string, inner: string): string {
  return (
    `<GetUserSettingsResponseMessage xmlns="${AUTODISCOVER_NS}"><Response xmlns:i="${NS.xsi}">` +
    `<ErrorCode>${errorCode}</ErrorCode>${element('ErrorMessage', errorMessage)}${inner}</Response></GetUserSettingsResponseMessage>`
  );
}

function userResponse(ctx: GetUserSettingsContext, address: string, settings: string[]): string {
  const resolved = resolveAutodiscoverUser(ctx.directory, address);
  if (resolved.kind === 'unknown') {
    return userXml('InvalidUser', `Invalid user: '${address}'`, undefined, '<UserSettingErrors/><UserSettings/>');
  }
  if (resolved.kind === 'redirect') {
    return userXml('RedirectAddress', 'Redirection address.', resolved.target, '<UserSettingErrors/><UserSettings/>');
  }
  const values: string[] = [];
  const errors: string[] = [];
  for (const name of settings) {
    const value = userSetting(ctx, resolved.mailbox, name);
    if (value !== undefined) {
      values.push(`<UserSetting i:type="StringSetting"><Name>${escapeXml(name)}</Name><Value>${escapeXml(value)}</Value></UserSetting>`);
    } else {
      const known = SUPPORTED_USER_SETTINGS.includes(name);
      errors.push(
        `<UserSettingError><ErrorCode>${known ? 'SettingIsNotAvailable' : 'InvalidSetting'}</ErrorCode>` +
          `<ErrorMessage>${escapeXml(known ? 'Setting is not available.' : `The requested setting is not supported by synclab's Exchange sim: ${name}`)}</ErrorMessage>` +
          `<SettingName>${escapeXml(name)}</SettingName></UserSettingError>`,
      );
    }
  }
  const errorsXml = errors.length ? `<UserSettingErrors>${errors.join('')}</UserSettingErrors>` : '<UserSettingErrors/>';
  const valuesXml = values.length ? `<UserSettings>${values.join('')}</UserSettings>` : '<UserSettings/>';
  return userXml('NoError', 'No error.', undefined, errorsXml + valuesXml);
}

function userXml(errorCode: string, errorMessage: string, redirectTarget: string | undefined, rest: string): string {
  return `<UserResponse><ErrorCode>${errorCode}</ErrorCode>${element('ErrorMessage', errorMessage)}${element('RedirectTarget', redirectTarget)}${rest}</UserResponse>`;
}
