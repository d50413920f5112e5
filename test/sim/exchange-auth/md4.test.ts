import { describe, expect, it } from 'vitest';
import { md4 } from '../../../sim/exchange/auth/ntlm/md4.ts';

// RFC 1320 §A.5 test suite.
const RFC1320: Array<[string, string]> = [
  ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
  ['a', 'bde52cb31de33e46245e05fbdbd6fb24'],
  ['abc', 'a448017aaf21d8525fc10ae87aa6729d'],
  ['message digest', 'd9130a8164549fe818874806e1c7014b'],
  ['abcdefghijklmnopqrstuvwxyz', 'd79e1c308aa5bbcdeea8ed63df412da9'],
  ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', '043f8582f241db351ce627e153e7f0e4'],
  ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', 'e33b4ddc9c38f2199c3e7b164fcc0536'],
];

describe('md4 (RFC 1320)', () => {
  it.each(RFC1320)('MD4(%j)', (input, digest) => {
    expect(md4(Buffer.from(input, 'latin1')).toString('hex')).toBe(digest);
  });

  it('gives the NT hash of "Password" from MS-NLMP §4.2.1', () => {
    expect(md4(Buffer.from('Password', 'utf16le')).toString('hex')).toBe('a4f49c406510bdcab6824ee7c30fd852');
  });

  it('handles inputs around the 56-byte padding boundary', () => {
    // 55 bytes fit the length in one block, 56 need a second block; both must differ and be stable.
    const a = md4(Buffer.alloc(55, 0x61)).toString('hex');
    const b = md4(Buffer.alloc(56, 0x61)).toString('hex');
    expect(a).not.toBe(b);
    expect(md4(Buffer.alloc(55, 0x61)).toString('hex')).toBe(a);
  });
});
