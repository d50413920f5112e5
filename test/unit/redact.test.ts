import { describe, expect, it } from 'vitest';
import { redact, redactString } from '../../src/util/redact.ts';

describe('redact', () => {
  it('hides secret keys at any depth', () => {
    const out = redact({ headers: { Authorization: 'Basic abc', accept: 'text/xml' }, body: { password: 'pw', user: 'u' } });
    expect(out).toEqual({ headers: { Authorization: '[redacted]', accept: 'text/xml' }, body: { password: '[redacted]', user: 'u' } });
  });

  it('hides credentials inside free text', () => {
    const text = redactString(
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc <password>s3cret</password> access_token=abcdef12345 00D000000000001EAA!AQcAQH0dMHZfz972',
    );
    expect(text).not.toMatch(/eyJhbGci|s3cret|abcdef12345|AQcAQH0dMHZfz972/);
    expect(text).toContain('Bearer [redacted]');
  });
});

describe('redactString keeps prose readable', () => {
  it.each([
    'Basic authentication is retired for this tenant (CONN-08)',
    'NTLM authentication failed: wrong password',
    'Bearer token expired',
  ])('leaves %j alone', (text) => {
    expect(redactString(text)).toBe(text);
  });

  it('still hides a Basic credential and an NTLM message', () => {
    const basic = Buffer.from('svc@acme.test:pw').toString('base64');
    expect(redactString(`Authorization: Basic ${basic}`)).toBe('Authorization: Basic [redacted]');
    expect(redactString('NTLM TlRMTVNTUAABAAAAB4IIogAAAAA=')).toBe('NTLM [redacted]');
  });
});
