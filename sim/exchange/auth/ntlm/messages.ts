/**
 * NTLMSSP wire messages (MS-NLMP §2.2.1): parse NEGOTIATE (Type 1) and AUTHENTICATE (Type 3), build CHALLENGE
 * (Type 2). Every length and offset is checked: a malformed token is an error that says what is wrong.
 */
import { AV_ID, NTLM_FLAGS, NTLMSSP_SIGNATURE } from './flags.ts';

export class NtlmMessageError extends Error {
  constructor(message: string) {
    super(`malformed NTLM message: ${message}`);
    this.name = 'NtlmMessageError';
  }
}

export interface NegotiateMessage {
  type: 1;
  flags: number;
}

export interface AuthenticateMessage {
  type: 3;
  flags: number;
  lmResponse: Buffer;
  ntResponse: Buffer;
  domain: string;
  user: string;
  workstation: string;
}

/** Reads the message type of an NTLMSSP token (1, 2 or 3). */
export function ntlmMessageType(token: Buffer): number {
  if (token.length < 12 || !token.subarray(0, 8).equals(NTLMSSP_SIGNATURE)) {
    throw new NtlmMessageError('the token does not start with the NTLMSSP signature (is it SPNEGO-wrapped? only raw NTLMSSP is supported)');
  }
  return token.readUInt32LE(8);
}

export function parseNegotiate(token: Buffer): NegotiateMessage {
  if (ntlmMessageType(token) !== 1) throw new NtlmMessageError('expected a NEGOTIATE (Type 1) message');
  if (token.length < 16) throw new NtlmMessageError('NEGOTIATE message shorter than 16 bytes');
  return { type: 1, flags: token.readUInt32LE(12) };
}

export function parseAuthenticate(token: Buffer): AuthenticateMessage {
  if (ntlmMessageType(token) !== 3) throw new NtlmMessageError('expected an AUTHENTICATE (Type 3) message');
  if (token.length < 64) throw new NtlmMessageError(`AUTHENTICATE message is ${token.length} bytes, shorter than its 64-byte header`);
  const flags = token.readUInt32LE(60);
  const field = (offset: number, name: string): Buffer => {
    const length = token.readUInt16LE(offset);
    const start = token.readUInt32LE(offset + 4);
    if (start + length > token.length) throw new NtlmMessageError(`${name} field (offset ${start}, length ${length}) runs past the end of the message`);
    return token.subarray(start, start + length);
  };
  const text = (buffer: Buffer): string => buffer.toString(flags & NTLM_FLAGS.UNICODE ? 'utf16le' : 'latin1');
  return {
    type: 3,
    flags,
    lmResponse: field(12, 'LmChallengeResponse'),
    ntResponse: field(20, 'NtChallengeResponse'),
    domain: text(field(28, 'DomainName')),
    user: text(field(36, 'UserName')),
    workstation: text(field(44, 'Workstation')),
  };
}

export interface ChallengeOptions {
  /** Flags the client asked for in its NEGOTIATE message. */
  clientFlags: number;
  serverChallenge: Buffer;
  netbiosDomain: string;
  netbiosComputer: string;
  dnsDomain: string;
  dnsComputer: string;
  /** Epoch ms (scenario time), written as MsvAvTimestamp. */
  timestamp: number;
}

/** The flags a Windows server answers with: what it always uses plus what the client asked for and it supports. */
export function challengeFlags(clientFlags: number): number {
  const f = NTLM_FLAGS;
  let flags = f.REQUEST_TARGET | f.NTLM | f.ALWAYS_SIGN | f.TARGET_TYPE_DOMAIN | f.TARGET_INFO | f.VERSION;
  flags |= clientFlags & f.UNICODE ? f.UNICODE : f.OEM;
  for (const optional of [f.EXTENDED_SESSIONSECURITY, f.N128, f.N56, f.KEY_EXCH, f.SIGN, f.SEAL]) flags |= clientFlags & optional;
  return flags >>> 0;
}

export function buildChallenge(options: ChallengeOptions): Buffer {
  const flags = challengeFlags(options.clientFlags);
  const unicode = (flags & NTLM_FLAGS.UNICODE) !== 0;
  const targetName = Buffer.from(options.netbiosDomain, unicode ? 'utf16le' : 'latin1');
  const targetInfo = buildTargetInfo(options);
  const headerLength = 56;
  const header = Buffer.alloc(headerLength);
  NTLMSSP_SIGNATURE.copy(header, 0);
  header.writeUInt32LE(2, 8);
  writeField(header, 12, targetName.length, headerLength);
  header.writeUInt32LE(flags, 20);
  options.serverChallenge.copy(header, 24);
  // 32..39 reserved (zero)
  writeField(header, 40, targetInfo.length, headerLength + targetName.length);
  // Version: Windows Server 2019 (10.0 build 17763), NTLM revision 15.
  header.writeUInt8(10, 48);
  header.writeUInt8(0, 49);
  header.writeUInt16LE(17763, 50);
  header.writeUInt8(15, 55);
  return Buffer.concat([header, targetName, targetInfo]);
}

function writeField(buffer: Buffer, offset: number, length: number, payloadOffset: number): void {
  buffer.writeUInt16LE(length, offset);
  buffer.writeUInt16LE(length, offset + 2);
  buffer.writeUInt32LE(payloadOffset, offset + 4);
}

function buildTargetInfo(options: ChallengeOptions): Buffer {
  const pair = (id: number, value: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(id, 0);
    head.writeUInt16LE(value.length, 2);
    return Buffer.concat([head, value]);
  };
  const utf16 = (s: string) => Buffer.from(s, 'utf16le');
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64LE(toFileTime(options.timestamp));
  return Buffer.concat([
    pair(AV_ID.NB_DOMAIN_NAME, utf16(options.netbiosDomain)),
    pair(AV_ID.NB_COMPUTER_NAME, utf16(options.netbiosComputer)),
    pair(AV_ID.DNS_DOMAIN_NAME, utf16(options.dnsDomain)),
    pair(AV_ID.DNS_COMPUTER_NAME, utf16(options.dnsComputer)),
    pair(AV_ID.DNS_TREE_NAME, utf16(options.dnsDomain)),
    pair(AV_ID.TIMESTAMP, timestamp),
    pair(AV_ID.EOL, Buffer.alloc(0)),
  ]);
}

/** Epoch ms → Windows FILETIME (100-ns intervals since 1601-01-01). */
export function toFileTime(epochMs: number): bigint {
  return (BigInt(Math.floor(epochMs)) + 11_644_473_600_000n) * 10_000n;
}
