/**
 * Logon names as Exchange accepts them (CONN-02): UPN (`svc@acme.test`) or down-level (`ACME\svc`, also
 * `acme.test\svc`). A bare `svc` is down-level with the server's default domain, as IIS treats it.
 */
import type { ResolvedTenant, UserNameForm } from './tenant.ts';

export type ParsedUserName =
  | { form: 'upn'; localPart: string; domain: string; text: string }
  | { form: 'downlevel'; domain: string; name: string; text: string };

export function parseUserName(userName: string): ParsedUserName | { error: string } {
  const text = userName.trim();
  if (!text) return { error: 'the user name is empty' };
  const slash = text.indexOf('\\');
  if (slash >= 0) {
    const domain = text.slice(0, slash);
    const name = text.slice(slash + 1);
    if (!domain || !name || name.includes('\\') || name.includes('@')) {
      return { error: `"${text}" is neither DOMAIN\\user nor user@domain` };
    }
    return { form: 'downlevel', domain, name, text };
  }
  const at = text.indexOf('@');
  if (at >= 0) {
    const localPart = text.slice(0, at);
    const domain = text.slice(at + 1);
    if (!localPart || !domain || domain.includes('@')) return { error: `"${text}" is not a valid UPN like svc@acme.test` };
    return { form: 'upn', localPart, domain, text };
  }
  return { form: 'downlevel', domain: '', name: text, text };
}

/** Does a down-level domain name this tenant (its NetBIOS name or its DNS domain; empty = the default domain)? */
export function isTenantDomain(tenant: ResolvedTenant, domain: string): boolean {
  const d = domain.toLowerCase();
  return d === '' || d === tenant.netbiosDomain.toLowerCase() || d === tenant.domain;
}

/**
 * CONN-02: the message a server that accepts only one form gives for the other. It names the form to use and,
 * when the account is known, the exact spelling to try.
 */
export function formRejectedMessage(tenant: ResolvedTenant, parsed: ParsedUserName, alternative: string | undefined): string {
  const accepted: UserNameForm = parsed.form === 'upn' ? 'downlevel' : 'upn';
  const example =
    alternative ?? (accepted === 'downlevel' ? `${tenant.netbiosDomain}\\username` : `username@${tenant.domain}`);
  const formName = (form: UserNameForm) => (form === 'upn' ? 'UPN (user@domain)' : 'down-level (DOMAIN\\user)');
  return (
    `This server does not accept user names in ${formName(parsed.form)} form ("${parsed.text}"). ` +
    `Try the ${formName(accepted)} form instead: ${example}`
  );
}
