import { spawn } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';
import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/synclab.mjs');

describe('synclab serve --json', () => {
  it('prints exactly one JSON line when ready, serves real endpoints, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line; stdout so far: ${stdout}`)), 20_000);
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(stdout.slice(0, stdout.indexOf('\n')));
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    });
    try {
      const ready = JSON.parse(line);
      expect(ready.exchange.ewsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx$/);
      expect(ready.exchange.mailboxes.length).toBeGreaterThanOrEqual(5);
      expect(ready.exchange.outOfScope.length).toBeGreaterThanOrEqual(1);
      expect(ready.salesforce.orgs.map((o: { id: string; kind: string }) => [o.id, o.kind])).toEqual([['prod', 'production'], ['uat', 'sandbox']]);
      const prod = ready.salesforce.orgs[0];
      const conn = new jsforce.Connection({ loginUrl: prod.loginUrl, version: '62.0' });
      const user = await conn.login(prod.admin.username, prod.admin.password);
      expect(user.organizationId).toBe(prod.orgId);
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    }
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
