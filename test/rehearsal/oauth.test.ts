/**
 * Rehearsals of an Exchange Online tenant connected with OAuth 2.0 (CONN-01, CONN-05) and of the two ways the
 * connection itself stops every rep: no admin consent (CONN-05) and Basic authentication retired for a service
 * account (CONN-08). Real sims, real engine, real clients; the counts the report finds are compared with what
 * src/rehearsal/seeded-risks.ts computes from the file alone.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOrgFile } from '../../src/rehearsal/load.ts';
import { runRehearsal, type RehearsalRun } from '../../src/rehearsal/run.ts';
import { buildRehearsalReport, type RehearsalReport } from '../../src/rehearsal/report-model.ts';
import type { OrgFile } from '../../src/rehearsal/schema.ts';

const ONLINE = new URL('../../examples/rehearsal/acme-online.yaml', import.meta.url);

/** What acme-online.yaml's header promises. */
const ONLINE_RISKS = {
  'overwritten-sf-notes': 20, 'private-withheld': 20, 'out-of-window': 20, 'company-unresolved': 20,
  'inactive-config': 2, 'unlinked-email': 2, 'multi-org': 2,
} as const;
/** Reps the engine reaches Exchange for: prod 20 field + 6 inside + 2 pilot, uat 2 pilot + 2 testers with a fixed email. */
const LINKED_REP_ORGS = 32;

async function onlineFile(edit: (file: OrgFile) => void = () => undefined): Promise<OrgFile> {
  const file = parseOrgFile(await readFile(ONLINE, 'utf8'), 'acme-online.yaml');
  edit(file);
  return file;
}

async function rehearse(file: OrgFile, days: number): Promise<{ run: RehearsalRun; report: RehearsalReport }> {
  const run = await runRehearsal(file, { days, intervalMs: 6 * 3_600_000 });
  return { run, report: buildRehearsalReport(run, 'acme-online.yaml', (s) => run.secrets.reduce((a, x) => a.replaceAll(x, '***'), s)) };
}

const row = (report: RehearsalReport, id: string) => report.risks.find((r) => r.id === id)!;
/** Items read from or written to mailboxes (Salesforce writes alone include the engine's own status records). */
const mailboxTraffic = (run: RehearsalRun) => run.cycles.reduce((n, c) => n + c.summary.read.exchange + c.summary.written.exchange, 0);

describe('CONN-05 OAuth rehearsal of examples/rehearsal/acme-online.yaml', () => {
  let run: RehearsalRun;
  let report: RehearsalReport;
  beforeAll(async () => ({ run, report } = await rehearse(await onlineFile(), 1)), 60_000);

  it('builds an OAuth world: a consented app, no service account, setup says OAuth', () => {
    expect(run.world.exchange.serviceAccounts).toEqual([]);
    expect(run.world.exchange.oauthApps).toHaveLength(1);
    expect(run.world.exchange.oauthApps![0]!.consent?.grantedBy).toBe('globaladmin@online.acme.test');
    for (const org of run.world.salesforce.orgs) expect(org.lightningSync).toMatchObject({ method: 'oauth', oauthTenantId: 'online.acme.test' });
  });

  it('plants exactly the risks the file header lists', () => {
    expect(run.world.seeded).toEqual(ONLINE_RISKS);
  });

  for (const [id, count] of Object.entries(ONLINE_RISKS)) {
    it(`finds ${id} ${count}x in the initial sync through the OAuth connection`, () => {
      expect(row(report, id).initial).toBe(count);
    });
  }

  it('finds no risk the file did not plant, and no connection error', () => {
    for (const r of report.risks) if (!(r.id in ONLINE_RISKS)) expect([r.id, r.initial]).toEqual([r.id, 0]);
    expect(report.errors.filter((e) => e.rule === 'CONN-05' || e.rule === 'CONN-08')).toEqual([]);
  });

  it('syncs every linked rep (with no service account in the world, only the OAuth app can have done it)', () => {
    expect(mailboxTraffic(run)).toBeGreaterThan(0);
    const recognized = report.statuses.filter((s) => s.RecognizedByServiceAccount === true);
    expect(recognized).toHaveLength(LINKED_REP_ORGS);
  });

  it('keeps the client secret out of the report', () => {
    const secret = run.world.exchange.oauthApps![0]!.clientSecret;
    expect(run.secrets).toContain(secret);
    expect(JSON.stringify(report)).not.toContain(secret);
  });
});

describe('CONN-05 consent never granted', () => {
  let run: RehearsalRun;
  let report: RehearsalReport;
  beforeAll(async () => ({ run, report } = await rehearse(await onlineFile((f) => { f.exchange.consent = 'missing'; }), 0)), 60_000);

  it('seeds one consent-missing risk per linked rep and org, and nothing that needs a sync', () => {
    expect(run.world.seeded).toEqual({ 'consent-missing': LINKED_REP_ORGS, 'inactive-config': 2, 'unlinked-email': 2 });
    expect(run.world.exchange.oauthApps![0]!.consent).toBeUndefined();
  });

  it('reports the risk with the seeded count, per rep and org, and the admin guide fix', () => {
    const r = row(report, 'consent-missing');
    expect([r.seeded, r.initial]).toEqual([LINKED_REP_ORGS, LINKED_REP_ORGS]);
    expect(r.rules).toEqual(['CONN-05']);
    expect(r.fix).toMatch(/global administrator/);
    expect(r.examples[0]).toMatch(/consented/);
    // A pilot rep syncs in prod and uat: counted once in each org.
    const pilots = r.reps.filter((x) => x.endsWith('(uat)'));
    expect(pilots).toHaveLength(4);
  });

  it('reads no mailbox and leaves every reached rep unrecognized (STAT-03)', () => {
    expect(mailboxTraffic(run)).toBe(0);
    expect(report.statuses).toHaveLength(LINKED_REP_ORGS + 4); // + 2 inactive-config, 2 .invalid
    expect(report.statuses.filter((s) => s.RecognizedByServiceAccount !== false)).toEqual([]);
    for (const id of Object.keys(ONLINE_RISKS)) if (id !== 'inactive-config' && id !== 'unlinked-email') expect([id, row(report, id).initial]).toEqual([id, 0]);
  });
});

describe('CONN-08 Basic authentication retired for a service account', () => {
  let run: RehearsalRun;
  let report: RehearsalReport;
  beforeAll(async () => {
    const file = await onlineFile((f) => {
      f.exchange.connection = 'service-account';
      delete f.exchange.consent;
      f.exchange.basicAuthRetired = true;
      // The 401 comes before impersonation and the server version are known: these reps count under CONN-08 too.
      Object.assign(f.groups[0]!, { outsideScope: 1, legacy2010: 1 });
    });
    ({ run, report } = await rehearse(file, 0));
  }, 60_000);

  it('seeds one basic-auth-retired risk per linked rep and org, outside-scope and 2010 reps included', () => {
    expect(run.world.seeded).toEqual({ 'basic-auth-retired': LINKED_REP_ORGS, 'inactive-config': 2, 'unlinked-email': 2 });
    expect(run.world.exchange.tenant?.auth).toMatchObject({ basicRetired: true });
  });

  it('reports the 401s with the seeded count and "switch to OAuth 2.0"', () => {
    const r = row(report, 'basic-auth-retired');
    expect([r.seeded, r.initial]).toEqual([LINKED_REP_ORGS, LINKED_REP_ORGS]);
    expect(r.fix).toMatch(/Switch the Lightning Sync connection method to OAuth 2\.0/);
    expect(report.errors.filter((e) => e.code === 'HttpUnauthorized' && e.rule === 'CONN-08')).toHaveLength(LINKED_REP_ORGS);
    expect([row(report, 'outside-scope').initial, row(report, 'unsupported-mailbox').initial]).toEqual([0, 0]);
    expect(mailboxTraffic(run)).toBe(0);
  });
});

describe('ORG.yaml connection combinations that cannot be rehearsed', () => {
  const head = (exchange: string, group = '') =>
    `exchange:\n  domain: acme.test\n${exchange}orgs:\n  - id: prod\n    kind: production\ngroups:\n  - name: east\n    orgs: [prod]\n    reps: 2\n${group}`;
  const cases: Array<[string, string, string, RegExp]> = [
    ['oauth on an on-premises version', head('  version: Exchange2019\n  connection: oauth\n'), '', /^org\.yaml:3:12 exchange\.version: connection: oauth connects to Exchange Online only .*set version: ExchangeOnline/],
    ['oauth with no version (default Exchange2019)', head('  connection: oauth\n'), '', /^org\.yaml:3:15 exchange\.connection: connection: oauth connects to Exchange Online only/],
    ['oauth on a hybrid tenant', head('  version: ExchangeOnline\n  hybrid: true\n  connection: oauth\n'), '', /^org\.yaml:4:11 exchange\.hybrid: .*remove hybrid/],
    ['oauth with an impersonation scope', head("  version: ExchangeOnline\n  connection: oauth\n  scope: \"Department -eq 'Sales'\"\n"), '', /^org\.yaml:5:10 exchange\.scope: an OAuth app .*no impersonation scope/],
    ['oauth with outsideScope reps', head('  version: ExchangeOnline\n  connection: oauth\n'), '    outsideScope: 1\n', /^org\.yaml:12:19 groups\[0\]\.outsideScope: with connection: oauth no mailbox is outside/],
    ['oauth with basicAuthRetired', head('  version: ExchangeOnline\n  connection: oauth\n  basicAuthRetired: true\n'), '', /^org\.yaml:5:21 exchange\.basicAuthRetired: .*OAuth is not affected/],
    ['consent without oauth', head('  consent: missing\n'), '', /^org\.yaml:3:12 exchange\.consent: .*applies to connection: oauth only/],
    ['basicAuthRetired on-premises', head('  version: Exchange2016\n  basicAuthRetired: true\n'), '', /^org\.yaml:4:21 exchange\.basicAuthRetired: .*Exchange Online tenants only.*\(version is Exchange2016\)/],
    ['an unknown connection method', head('  connection: basic\n'), '', /^org\.yaml:3:15 exchange\.connection: /],
  ];
  for (const [name, text, group, error] of cases) {
    it(`refuses ${name} with file:line:col and what to do`, () => {
      expect(() => parseOrgFile(text + group, 'org.yaml')).toThrow(error);
    });
  }

  it('accepts oauth on Exchange Online, and basicAuthRetired for a service account there', () => {
    expect(parseOrgFile(head('  version: ExchangeOnline\n  connection: oauth\n  consent: missing\n'), 'org.yaml').exchange.consent).toBe('missing');
    expect(parseOrgFile(head('  version: ExchangeOnline\n  basicAuthRetired: true\n'), 'org.yaml').exchange.basicAuthRetired).toBe(true);
  });
});
