import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngineYaml, pickOrgs } from '../../../src/cli/engine-yaml.ts';

async function file(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'synclab-yaml-'));
  const p = path.join(dir, 'engine.yaml');
  await writeFile(p, text);
  return p;
}

describe('engine.yaml loader', () => {
  it('multi-org: top-level exchange/stateDir/options are defaults, each org overrides; stateDir is relative to the file', async () => {
    const p = await file([
      'exchange: { method: service-account, username: svc@acme.test, password: pw, auth: ntlm }',
      'stateDir: st',
      'options: { concurrency: 2, maxRetries: 3 }',
      'orgs:',
      '  - org: prod',
      '    salesforce: { loginUrl: "http://127.0.0.1:1", username: a@acme.test, password: p1 }',
      '  - org: uat',
      '    salesforce: { loginUrl: "http://127.0.0.1:2", username: a@acme.test.uat, password: p2, apiVersion: "61.0" }',
      '    options: { concurrency: 1 }',
    ].join('\n'));
    const configs = await loadEngineYaml(p);
    expect(configs.map((c) => c.orgLabel)).toEqual(['prod', 'uat']);
    expect(configs[0]!.stateDir).toBe(path.join(path.dirname(p), 'st'));
    expect(configs[1]!.options).toEqual({ concurrency: 1, maxRetries: 3 });
    expect(configs[1]!.salesforce.apiVersion).toBe('61.0');
    expect(configs[0]!.exchange).toMatchObject({ method: 'service-account', auth: 'ntlm' });
    expect(pickOrgs(configs, 'uat').map((c) => c.orgLabel)).toEqual(['uat']);
    expect((await loadEngineYaml(p, '/tmp/override'))[0]!.stateDir).toBe('/tmp/override');
  });

  it('names what is wrong: a bad method, an out-of-range batch size, a missing org label', async () => {
    await expect(loadEngineYaml(await file('org: x\nsalesforce: { loginUrl: "http://a.test", username: u, password: p }\nexchange: { method: kerberos }\n')))
      .rejects.toThrow(/exchange/);
    await expect(loadEngineYaml(await file('org: x\nsalesforce: { loginUrl: "http://a.test", username: u, password: p }\nexchange: { method: service-account, username: u, password: p }\noptions: { sfBatchSize: 500 }\n')))
      .rejects.toThrow(/options\.sfBatchSize/);
    await expect(loadEngineYaml(await file('salesforce: { loginUrl: "http://a.test", username: u, password: p }\nexchange: { method: service-account, username: u, password: p }\n')))
      .rejects.toThrow(/"org" is missing/);
    await expect(loadEngineYaml('/nonexistent/engine.yaml')).rejects.toThrow(/cannot read .*pass --config/);
  });
});
