import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as runSync } from '../../../src/cli/sync.ts';
import { run as runConnectionTest } from '../../../src/cli/connection-test.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  delete process.env.SYNCLAB_TEST_SF_PW;
  await h?.close();
  h = undefined;
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

async function engineYaml(harness: Harness): Promise<string> {
  const file = path.join(harness.stateDir, 'engine.yaml');
  process.env.SYNCLAB_TEST_SF_PW = harness.config.salesforce.password;
  await writeFile(file, [
    'orgs:',
    '  - org: prod',
    '    salesforce:',
    `      loginUrl: ${harness.config.salesforce.loginUrl}`,
    `      username: ${harness.config.salesforce.username}`,
    '      password: ${SYNCLAB_TEST_SF_PW}',
    'exchange:',
    '  method: service-account',
    `  username: ${harness.config.exchange.method === 'service-account' ? harness.config.exchange.username : ''}`,
    `  password: "${harness.config.exchange.method === 'service-account' ? harness.config.exchange.password : ''}"`,
    'stateDir: state',
  ].join('\n'));
  return file;
}

describe('synclab sync / connection-test against both sims', () => {
  it('sync --once prints the cycle summary and never the password; CONN-09 connection-test passes for a healthy rep', async () => {
    h = await startHarness({
      mailboxes: [{ address: 'ann@acme.test', department: 'Sales', salesforceSyncFolder: true }],
      org: { users: [{ ref: 'ann', email: 'ann@acme.test', timeZone: 'UTC' }], contacts: [{ owner: 'ann', lastName: 'Cli', email: 'cli@x.test' }], configs: [{ name: 'Sales', users: ['ann'] }] },
    });
    const file = await engineYaml(h);
    let io = capture();
    expect(await runSync(['--config', file, '--once', '--org', 'prod'])).toBe(0);
    expect(io.out()).toMatch(/org prod: 1 rep\(s\), read SF \d+ \/ EX \d+, written SF \d+ \/ EX 1/);
    expect(io.out()).not.toContain(h.config.salesforce.password);
    expect(io.out()).toMatch(/status {2}service account svc-sync@acme.test \(recognised: yes\).*linked users 1 \(expected\); synced last 60 min \/ 24 h: contacts 1 \/ 1/);
    expect(h.ex.actions.itemsIn('ann@acme.test', 'Salesforce_Sync').map((i) => i.props.Surname)).toEqual(['Cli']);

    vi.restoreAllMocks();
    io = capture();
    h.sf.actions.createRecord('prod', 'ann', 'Contact', { LastName: 'Planned', Email: 'planned@x.test', OwnerId: h.sf.actions.userId('prod', 'ann') });
    const seq = h.ex.trace.lastSeq();
    expect(await runSync(['--config', file, '--dry-run'])).toBe(0);
    expect(io.out()).toMatch(/action {2}CON-03 +create exchange Contact ann@acme.test/);
    expect(h.ex.trace.since(seq).filter((e) => e.write)).toEqual([]);

    vi.restoreAllMocks();
    io = capture();
    expect(await runConnectionTest(['--config', file, '--rep', 'ann@acme.test'])).toBe(0);
    expect(io.out()).toContain('Connectivity Test Successful');
    expect(io.out()).toMatch(/OK +Impersonation: the service account can act as ann@acme.test/);
  });

  it('bad input: a missing env variable, an unknown org and a wrong key each exit 2 naming the problem', async () => {
    h = await startHarness({ mailboxes: [{ address: 'ann@acme.test' }], org: { users: [{ ref: 'ann', email: 'ann@acme.test' }] } });
    const file = await engineYaml(h);
    delete process.env.SYNCLAB_TEST_SF_PW;
    let io = capture();
    expect(await runSync(['--config', file])).toBe(2);
    expect(io.err()).toContain('environment variable SYNCLAB_TEST_SF_PW is not set');

    process.env.SYNCLAB_TEST_SF_PW = 'x';
    vi.restoreAllMocks();
    io = capture();
    expect(await runConnectionTest(['--config', file, '--rep', 'ann@acme.test', '--org', 'uat'])).toBe(2);
    expect(io.err()).toContain('no org "uat" in engine.yaml; it has "prod"');

    const bad = path.join(h.stateDir, 'bad.yaml');
    await writeFile(bad, 'org: prod\nsalesforce: { loginUrl: "http://x.test", username: a, password: b, passwrd: c }\nexchange: { method: service-account, username: u, password: p }\n');
    vi.restoreAllMocks();
    io = capture();
    expect(await runSync(['--config', bad])).toBe(2);
    expect(io.err()).toMatch(/salesforce: Unrecognized key.*passwrd/);
  });
});
