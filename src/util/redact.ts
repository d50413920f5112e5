/**
 * @module
 * Keeps credentials out of reports and logs. Applied to anything that might echo a request or an error body.
 */

const SECRET_KEYS = /^(authorization|password|passwd|pwd|sessionid|session_id|access_token|refresh_token|client_secret|token|secret|cookie|set-cookie)$/i;

/** Replaces the values of secret-looking keys (deeply) and secret-looking substrings in strings. */
export function redact<T>(value: T): T {
  return redactValue(value, 0) as T;
}

function redactValue(value: unknown, depth: number): unknown {
  if (depth > 20) return value;
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redactValue(v, depth + 1);
    }
    return out;
  }
  return value;
}

export function redactString(text: string): string {
  return text
    .replace(/\b(Basic|Bearer|NTLM|Negotiate)\s+([A-Za-z0-9+/=._~!-]{4,})/g, (match, scheme: string, token: string) =>
      looksLikeCredential(scheme, token) ? `${scheme} [redacted]` : match,
    )
    .replace(/(<(?:\w+:)?(?:password|sessionId)>)[^<]*(<\/)/gi, '$1[redacted]$2')
    .replace(/("?(?:access_token|refresh_token|password|client_secret|sessionId)"?\s*[:=]\s*"?)[^"&\s,}]+/gi, '$1[redacted]')
    .replace(/\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{10,}/g, '[redacted-session]');
}

/**
 * Whether the word after an auth scheme is a credential rather than prose ("Basic authentication is retired"
 * must stay readable). Basic carries base64 of `user:password`; NTLM messages start with "TlRMTVNT" (NTLMSSP);
 * bearer and negotiate tokens are long and never plain lower-case words.
 */
function looksLikeCredential(scheme: string, token: string): boolean {
  if (scheme === 'Basic') {
    return /^[A-Za-z0-9+/]+=*$/.test(token) && Buffer.from(token, 'base64').toString('latin1').includes(':');
  }
  if (scheme === 'NTLM') return token.startsWith('TlRMTVNT');
  return token.length >= 12 && !/^[a-z]+$/.test(token);
}
