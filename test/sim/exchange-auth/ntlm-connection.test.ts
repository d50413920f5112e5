/**
 * NTLM is bound to the TCP connection: a raw-HTTP client built from the sim's own NTLMv2 primitives drives the
 * handshake over node:http with explicit sockets, so "same connection" and "other connection" are under test control.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md4 } from '../../../sim/exchange/auth/ntlm/md4.ts';
import { ntowfV2, ntProofStr } from '../../../sim/exchange/auth/ntlm/ntlmv2.ts';
import { Directory } from '../../../sim/exchange/directory/index.ts';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { startAuthTestServer, type AuthTestServer } from './auth-test-server.ts';
import { acmeWorld, SVC_PASSWORD } from './world-fixture.ts';

const TYPE1 = Buffer.from('4e544c4d535350000100000007820882000000000000000000000000000000000000000000000000', 'hex');
const BODY = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetFolder xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/></s:Body></s:Envelope>';

function send(agent: http.Agent, url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'text/xml', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(BODY);
  });
}

/** Builds a Type 3 answering `type2` for DOMAIN\user with the given password (Unicode, NTLMv2, client challenge 0x11×8). */
function type3(type2: Buffer, domain: string, user: string, password: string): Buffer {
  const serverChallenge = type2.subarray(24, 32);
  const infoLength = type2.readUInt16LE(40);
  const infoOffset = type2.readUInt32LE(44);
  const targetInfo = type2.subarray(infoOffset, infoOffset + infoLength);
  const blob = Buffer.concat([Buffer.from('0101000000000000', 'hex'), Buffer.alloc(8), Buffer.alloc(8, 0x11), Buffer.alloc(4), targetInfo, Buffer.alloc(4)]);
  const key = ntowfV2(md4(Buffer.from(password, 'utf16le')), user, domain);
  const nt = Buffer.concat([ntProofStr(key, serverChallenge, blob), blob]);
  const lm = Buffer.alloc(24);
  const fields = [lm, nt, Buffer.from(domain, 'utf16le'), Buffer.from(user, 'utf16le'), Buffer.from('WS', 'utf16le'), Buffer.alloc(0)];
  const header = Buffer.alloc(64);
  header.write('NTLMSSP\0', 0, 'latin1');
  header.writeUInt32LE(3, 8);
  let offset = 64;
  fields.forEach((field, i) => {
    header.writeUInt16LE(field.length, 12 + i * 8);
    header.writeUInt16LE(field.length, 14 + i * 8);
    header.writeUInt32LE(offset, 16 + i * 8);
    offset += field.length;
  });
  header.writeUInt32LE(0x00088205, 60);
  return Buffer.concat([header, ...fields]);
}

describe('NTLM is per connection', () => {
  let server: AuthTestServer;
  beforeAll(async () => {
    const clock = new ScenarioClock('2026-03-02T08:00:00Z');
    server = await startAuthTestServer(new Directory(acmeWorld(), clock), clock);
  });
  afterAll(() => server.close());

  const agent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

  it('authenticates the connection: later requests on it need no Authorization header', async () => {
    const a = agent();
    const challenge = await send(a, server.ewsUrl, { authorization: `NTLM ${TYPE1.toString('base64')}` });
    expect(challenge.status).toBe(401);
    const type2 = Buffer.from(String(challenge.headers['www-authenticate']).replace(/^NTLM /, ''), 'base64');
    const done = await send(a, server.ewsUrl, { authorization: `NTLM ${type3(type2, 'ACME', 'svc-sync', SVC_PASSWORD).toString('base64')}` });
    expect(done.status).toBe(200);
    expect(done.body).toContain('Contacts of svc-sync@acme.test');
    const again = await send(a, server.ewsUrl, {});
    expect(again.status).toBe(200);
    // A fresh connection is not authenticated.
    const b = agent();
    expect((await send(b, server.ewsUrl, {})).status).toBe(401);
    a.destroy();
    b.destroy();
  });

  it('refuses a Type 3 that arrives on another connection than its Type 1', async () => {
    const a = agent();
    const b = agent();
    const challenge = await send(a, server.ewsUrl, { authorization: `NTLM ${TYPE1.toString('base64')}` });
    const type2 = Buffer.from(String(challenge.headers['www-authenticate']).replace(/^NTLM /, ''), 'base64');
    const elsewhere = await send(b, server.ewsUrl, { authorization: `NTLM ${type3(type2, 'ACME', 'svc-sync', SVC_PASSWORD).toString('base64')}` });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers['x-synclab-auth-failure']).toBe('NTLM: AUTHENTICATE (Type 3) without a preceding NEGOTIATE on this connection');
    a.destroy();
    b.destroy();
  });

  it('speaks raw NTLMSSP inside Negotiate, and each handshake gets a fresh server challenge', async () => {
    const a = agent();
    const first = await send(a, server.ewsUrl, { authorization: `Negotiate ${TYPE1.toString('base64')}` });
    const second = await send(a, server.ewsUrl, { authorization: `Negotiate ${TYPE1.toString('base64')}` });
    const challengeOf = (r: { headers: http.IncomingHttpHeaders }) => {
      const header = String(r.headers['www-authenticate']);
      expect(header).toMatch(/^Negotiate [A-Za-z0-9+/=]+$/);
      return Buffer.from(header.slice(10), 'base64').subarray(24, 32).toString('hex');
    };
    expect(challengeOf(first)).not.toBe(challengeOf(second));
    const type2 = Buffer.from(String(second.headers['www-authenticate']).slice(10), 'base64');
    const done = await send(a, server.ewsUrl, { authorization: `Negotiate ${type3(type2, 'acme.test', 'svc-sync', SVC_PASSWORD).toString('base64')}` });
    expect(done.status).toBe(200);
    a.destroy();
  });

  it('rejects a replayed Type 3 (the challenge is used up)', async () => {
    const a = agent();
    const challenge = await send(a, server.ewsUrl, { authorization: `NTLM ${TYPE1.toString('base64')}` });
    const type2 = Buffer.from(String(challenge.headers['www-authenticate']).replace(/^NTLM /, ''), 'base64');
    const message = type3(type2, 'ACME', 'svc-sync', SVC_PASSWORD).toString('base64');
    expect((await send(a, server.ewsUrl, { authorization: `NTLM ${message}` })).status).toBe(200);
    const b = agent();
    await send(b, server.ewsUrl, { authorization: `NTLM ${TYPE1.toString('base64')}` });
    expect((await send(b, server.ewsUrl, { authorization: `NTLM ${message}` })).headers['x-synclab-auth-failure']).toMatch(/does not match the password/);
    a.destroy();
    b.destroy();
  });

  it('explains SPNEGO tokens it does not speak', async () => {
    const a = agent();
    const spnego = Buffer.from('604806062b0601050502a03e303ca00e300c060a2b06010401823702020a', 'hex');
    const response = await send(a, server.ewsUrl, { authorization: `Negotiate ${spnego.toString('base64')}` });
    expect(response.status).toBe(401);
    expect(response.headers['x-synclab-auth-failure']).toMatch(/SPNEGO-wrapped\? only raw NTLMSSP is supported/);
    a.destroy();
  });
});
