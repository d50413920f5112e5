/**
 * NTLMv2 against the known vectors of [MS-NLMP] §4.2.4 (User "User", domain "Domain", password "Password",
 * server challenge 0123456789abcdef, client challenge aa×8, time 0). Source of the bytes: docs/discoveries/ntlm.md.
 */
import { describe, expect, it } from 'vitest';
import { md4 } from '../../../sim/exchange/auth/ntlm/md4.ts';
import { buildChallenge, challengeFlags, parseAuthenticate, parseNegotiate, toFileTime } from '../../../sim/exchange/auth/ntlm/messages.ts';
import { lmV2Response, ntowfV2, ntProofStr, verifyNtlmV2 } from '../../../sim/exchange/auth/ntlm/ntlmv2.ts';
import { NTLM_FLAGS } from '../../../sim/exchange/auth/ntlm/flags.ts';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const SERVER_CHALLENGE = hex('0123456789abcdef');
const CLIENT_CHALLENGE = hex('aaaaaaaaaaaaaaaa');
const NT_HASH = md4(Buffer.from('Password', 'utf16le'));
// §4.2.4.1.3 "temp": blob header, time 0, client challenge, AV pairs NbDomainName "Domain", NbComputerName "Server", EOL, padding.
const TEMP = hex(`0101 0000 00000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000
  02000c00 44006f006d00610069006e00 01000c00 530065007200760065007200 00000000 00000000`);
// §4.2.4.3: the whole AUTHENTICATE_MESSAGE.
const AUTHENTICATE = hex(
  '4e544c4d5353500003000000180018006c00000054005400840000000c000c00480000000800080054000000100010005c00000010001000d8000000358288e2' +
    '0501280a0000000f44006f006d00610069006e00550073006500720043004f004d005000550054004500520086c35097ac9cec102554764a57cccc19aaaaaaaa' +
    'aaaaaaaa68cd0ab851e51c96aabc927bebef6a1c01010000000000000000000000000000aaaaaaaaaaaaaaaa0000000002000c0044006f006d00610069006e00' +
    '01000c005300650072007600650072000000000000000000c5dad2544fc9799094ce1ce90bc9d03e',
);

describe('NTLMv2 known vectors (MS-NLMP §4.2.4)', () => {
  it('NTOWFv2 (§4.2.4.1.1)', () => {
    expect(ntowfV2(NT_HASH, 'User', 'Domain').toString('hex')).toBe('0c868a403bfd7a93a3001ef22ef02e3f');
  });

  it('LMv2 response (§4.2.4.2.1)', () => {
    const key = ntowfV2(NT_HASH, 'User', 'Domain');
    expect(lmV2Response(key, SERVER_CHALLENGE, CLIENT_CHALLENGE).toString('hex')).toBe('86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa');
  });

  it('NTProofStr over temp (§4.2.4.2.2)', () => {
    expect(TEMP.length).toBe(68);
    const key = ntowfV2(NT_HASH, 'User', 'Domain');
    expect(ntProofStr(key, SERVER_CHALLENGE, TEMP).toString('hex')).toBe('68cd0ab851e51c96aabc927bebef6a1c');
  });

  it('parses the §4.2.4.3 AUTHENTICATE message', () => {
    const message = parseAuthenticate(AUTHENTICATE);
    expect(message).toMatchObject({ type: 3, domain: 'Domain', user: 'User', workstation: 'COMPUTER' });
    expect(message.flags & NTLM_FLAGS.UNICODE).toBeTruthy();
    expect(message.lmResponse.toString('hex')).toBe('86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa');
    expect(message.ntResponse.subarray(0, 16).toString('hex')).toBe('68cd0ab851e51c96aabc927bebef6a1c');
    expect(message.ntResponse.subarray(16).equals(TEMP)).toBe(true);
  });

  it('verifies the §4.2.4.3 message against the password, and only that password', () => {
    const { ntResponse, user, domain } = parseAuthenticate(AUTHENTICATE);
    expect(verifyNtlmV2({ ntHash: NT_HASH, user, domain, serverChallenge: SERVER_CHALLENGE, ntResponse })).toEqual({ ok: true });
    const wrong = md4(Buffer.from('password', 'utf16le'));
    expect(verifyNtlmV2({ ntHash: wrong, user, domain, serverChallenge: SERVER_CHALLENGE, ntResponse })).toMatchObject({ ok: false, reason: /does not match/ });
    const otherChallenge = hex('0123456789abcdee');
    expect(verifyNtlmV2({ ntHash: NT_HASH, user, domain, serverChallenge: otherChallenge, ntResponse }).ok).toBe(false);
    // The user name is part of the key: another user with the same password fails.
    expect(verifyNtlmV2({ ntHash: NT_HASH, user: 'Other', domain, serverChallenge: SERVER_CHALLENGE, ntResponse }).ok).toBe(false);
  });

  it('refuses NTLMv1 responses and truncated messages with a clear reason', () => {
    expect(verifyNtlmV2({ ntHash: NT_HASH, user: 'User', domain: 'Domain', serverChallenge: SERVER_CHALLENGE, ntResponse: Buffer.alloc(24) })).toMatchObject({
      ok: false,
      reason: /NTLMv1/,
    });
    expect(() => parseAuthenticate(AUTHENTICATE.subarray(0, 100))).toThrow(/runs past the end/);
    expect(() => parseAuthenticate(Buffer.from('hello world, not ntlm'))).toThrow(/NTLMSSP signature/);
  });
});

describe('NTLM CHALLENGE message', () => {
  // NEGOTIATE flags of [MS-NLMP] §4.2.4's client: b7 82 08 e2.
  const NEGOTIATE = hex('4e544c4d535350000100000007820882' + '00'.repeat(16));

  it('answers the client with its server challenge, target name and timestamped target info', () => {
    const negotiate = parseNegotiate(NEGOTIATE);
    const at = Date.parse('2026-03-02T08:00:00Z');
    const challenge = buildChallenge({
      clientFlags: negotiate.flags,
      serverChallenge: SERVER_CHALLENGE,
      netbiosDomain: 'ACME',
      netbiosComputer: 'EXCH01',
      dnsDomain: 'acme.test',
      dnsComputer: 'exch01.acme.test',
      timestamp: at,
    });
    expect(challenge.subarray(0, 8).toString('latin1')).toBe('NTLMSSP\0');
    expect(challenge.readUInt32LE(8)).toBe(2);
    expect(challenge.subarray(24, 32).equals(SERVER_CHALLENGE)).toBe(true);
    const flags = challenge.readUInt32LE(20);
    expect(flags).toBe(challengeFlags(negotiate.flags));
    expect(flags & NTLM_FLAGS.UNICODE && flags & NTLM_FLAGS.TARGET_INFO && flags & NTLM_FLAGS.NTLM).toBeTruthy();
    const nameLength = challenge.readUInt16LE(12);
    const nameOffset = challenge.readUInt32LE(16);
    expect(challenge.subarray(nameOffset, nameOffset + nameLength).toString('utf16le')).toBe('ACME');
    const infoLength = challenge.readUInt16LE(40);
    const infoOffset = challenge.readUInt32LE(44);
    const info = challenge.subarray(infoOffset, infoOffset + infoLength);
    // Walk the AV pairs.
    const pairs = new Map<number, Buffer>();
    for (let i = 0; i < info.length; ) {
      const id = info.readUInt16LE(i);
      const len = info.readUInt16LE(i + 2);
      pairs.set(id, info.subarray(i + 4, i + 4 + len));
      i += 4 + len;
      if (id === 0) break;
    }
    expect(pairs.get(2)?.toString('utf16le')).toBe('ACME');
    expect(pairs.get(4)?.toString('utf16le')).toBe('acme.test');
    expect(pairs.get(7)?.readBigUInt64LE()).toBe(toFileTime(at));
    expect(pairs.has(0)).toBe(true);
  });

  it('converts epoch ms to FILETIME', () => {
    expect(toFileTime(0)).toBe(116444736000000000n);
  });
});
