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
    .replace(/\b(Basic|Bearer|NTLM|Negotiate)\s+[A-Za-z0-9+/=._!-]{6,}/g, '$1 [redacted]')
    .replace(/(<(?:\w+:)?(?:password|sessionId)>)[^<]*(<\/)/gi, '$1[redacted]$2')
    .replace(/("?(?:access_token|refresh_token|password|client_secret|sessionId)"?\s*[:=]\s*"?)[^"&\s,}]+/gi, '$1[redacted]')
    .replace(/\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{10,}/g, '[redacted-session]');
}
