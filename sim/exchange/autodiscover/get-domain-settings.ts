/**
 * SOAP Autodiscover GetDomainSettings (MS-OXWSADISC): ExternalEwsUrl and ExternalEwsVersion for the tenant's domain;
 * InvalidDomain for any other domain; unknown settings as DomainSettingErrors.
 */
import type { Directory } from '../directory/index.ts';
import { child, children, escapeXml, NS, type XmlElement } from '../soap/xml.ts';
import { AUTODISCOVER_NS, element } from './soap-xml.ts';
import { buildString } from './user-settings.ts';

export interface GetDomainSettingsContext {
  directory: Directory;
  ewsUrl: string;
}

const DOMAIN_SETTINGS: Record<string, (ctx: GetDomainSettingsContext) => string> = {
  ExternalEwsUrl: (ctx) => ctx.ewsUrl,
  ExternalEwsVersion: (ctx) => buildString(ctx.directory.tenant.version),
};

export function getDomainSettings(body: XmlElement, ctx: GetDomainSettingsContext): string {
  const request = child(body, AUTODISCOVER_NS, 'Request');
  const domains = children(child(request, AUTODISCOVER_NS, 'Domains'), AUTODISCOVER_NS, 'Domain').map((d) => d.text.trim());
  const settings = children(child(request, AUTODISCOVER_NS, 'RequestedSettings'), AUTODISCOVER_NS, 'Setting').map((s) => s.text.trim());
  if (domains.length === 0 || settings.length === 0) {
    return responseXml('InvalidRequest', 'The request must name at least one domain and one setting.', '');
  }
  return responseXml('NoError', '', `<DomainResponses>${domains.map((d) => domainResponse(ctx, d, settings)).join('')}</DomainResponses>`);
}

function domainResponse(ctx: GetDomainSettingsContext, domain: string, settings: string[]): string {
  if (domain.toLowerCase() !== ctx.directory.tenant.domain) {
    return `<DomainResponse><ErrorCode>InvalidDomain</ErrorCode>${element('ErrorMessage', 'The domain is not valid.')}<DomainSettingErrors/><DomainSettings/>${element('RedirectTarget', undefined)}</DomainResponse>`;
  }
  const values: string[] = [];
  const errors: string[] = [];
  for (const name of settings) {
    const compute = DOMAIN_SETTINGS[name];
    if (compute) {
      values.push(`<DomainSetting i:type="DomainStringSetting"><Name>${escapeXml(name)}</Name><Value>${escapeXml(compute(ctx))}</Value></DomainSetting>`);
    } else {
      errors.push(
        `<DomainSettingError><ErrorCode>InvalidSetting</ErrorCode><ErrorMessage>${escapeXml(`The requested setting is not supported by synclab's Exchange sim: ${name}`)}</ErrorMessage><SettingName>${escapeXml(name)}</SettingName></DomainSettingError>`,
      );
    }
  }
  return (
    `<DomainResponse><ErrorCode>NoError</ErrorCode>${element('ErrorMessage', 'No error.')}` +
    (errors.length ? `<DomainSettingErrors>${errors.join('')}</DomainSettingErrors>` : '<DomainSettingErrors/>') +
    (values.length ? `<DomainSettings>${values.join('')}</DomainSettings>` : '<DomainSettings/>') +
    `${element('RedirectTarget', undefined)}</DomainResponse>`
  );
}

function responseXml(errorCode: string, errorMessage: string, inner: string): string {
  return (
    `<GetDomainSettingsResponseMessage xmlns="${AUTODISCOVER_NS}"><Response xmlns:i="${NS.xsi}">` +
    `<ErrorCode>${errorCode}</ErrorCode>${element('ErrorMessage', errorMessage)}${inner}</Response></GetDomainSettingsResponseMessage>`
  );
}
