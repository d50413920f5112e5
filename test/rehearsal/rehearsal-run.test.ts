/**
 * The acme example through the real sims and the real engine: each seeded risk is found with the count the file
 * plants (docs/rehearsal.md), the report carries no secrets, and --dry-run writes nothing to either sim.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/rehearsal/load.ts';
import { runRehearsal, type RehearsalRun } from '../../src/rehearsal/run.ts';
import { buildRehearsalReport, type RehearsalReport } from '../../src/rehearsal/report-model.ts';
import { writeRehearsalReport } from '../../src/rehearsal/write-report.ts';
import type { OrgFile } from '../../src/rehearsal/schema.ts';

const ACME = fileURLToPathSafe(new URL('../../examples/rehearsal/acme.yaml', import.meta.url));
function fileURLToPathSafe(u: URL): string { return decodeURIComponent(u.pathname); }

/** What acme.yaml's header promises. */
const ACME_RISKS = {
  'overwritten-sf-notes': 6, 'private-withheld': 3, 'out-of-window': 6, 'company-unresolved': 3,
  'outside-scope': 1, 'unsupported-mailbox': 1, 'inactive-config': 2, 'unlinked-email': 1, 'multi-org': 2,
} as const;

describe('synclab rehearse on examples/rehearsal/acme.yaml', () => {
  let file: OrgFile;
  let run: RehearsalRun;
  let report: RehearsalReport;
  beforeAll(async () => {
    file = await loadOrgFile(ACME);
    run = await runRehearsal(file, { days: 1, intervalMs: 6 * 3_600_000 });
    report = buildRehearsalReport(run, 'acme.yaml', (s) => run.secrets.reduce((a, x) => a.replaceAll(x, '***'), s));
  }, 60_000);

  it('plants exactly the risks the file header lists', () => {
    expect(run.world.seeded).toEqual(ACME_RISKS);
  });

  for (const [id, count] of Object.entries(ACME_RISKS)) {
    it(`finds ${id} ${count}× in the initial sync`, () => {
      const row = report.risks.find((r) => r.id === id)!;
      expect(row.initial).toBe(count);
      expect(row.total).toBeGreaterThanOrEqual(count);
      expect(row.examples.length).toBeGreaterThan(0);
      expect(row.rules.length).toBeGreaterThan(0);
    });
  }

  it('finds no risk the file did not plant in the initial sync', () => {
    for (const r of report.risks) if (!(r.id in ACME_RISKS)) expect([r.id, r.initial]).toEqual([r.id, 0]);
  });

  it('CON-05: unresolved companies are removed from Outlook the next day', () => {
    expect(report.risks.find((r) => r.id === 'company-removed')!.total).toBeGreaterThanOrEqual(3);
  });

  it('reports API use against each org\'s limit and one status row per rep and org', () => {
    expect(report.apiUse.map((a) => [a.org, a.dailyLimit])).toEqual([['prod', 15000], ['uat', 5000]]);
    expect(report.apiUse[0]!.initialSync).toBeGreaterThan(0);
    expect(report.initialSync.predictedSeconds).toBeGreaterThan(0);
    const prod = report.statuses.filter((s) => s.org === 'prod');
    expect(prod.length).toBe(7);
    const outside = prod.find((s) => s.RecognizedByServiceAccount === false);
    expect(outside).toBeDefined();
  });

  it('writes JSON, Markdown and HTML with no secret in them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rehearsal-report-'));
    try {
      const files = await writeRehearsalReport(dir, report);
      for (const f of files) {
        const text = await readFile(f, 'utf8');
        for (const secret of run.secrets) expect(text.includes(secret), `${path.basename(f)} leaks a secret`).toBe(false);
      }
      const html = await readFile(path.join(dir, 'index.html'), 'utf8');
      expect(html).toContain('data-risk="overwritten-sf-notes"');
      expect(html).not.toMatch(/https?:\/\/|<script src|<link/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('synclab rehearse --dry-run', () => {
  it('plans the first cycle per rep with rules and writes nothing to either sim', async () => {
    const file = await loadOrgFile(ACME);
    const run = await runRehearsal(file, { dryRun: true });
    expect(run.traces.exchange.requests).toBeGreaterThan(0);
    expect(run.traces.exchange.writes).toBe(0);
    expect(run.traces.salesforce.writes).toBe(0);
    const report = buildRehearsalReport(run, 'acme.yaml', (s) => s);
    const creates = report.plan!.filter((p) => p.kind === 'create');
    expect(creates.length).toBeGreaterThan(10);
    expect(creates.every((p) => /^[A-Z]+-\d+$/.test(p.rule))).toBe(true);
    expect(new Set(creates.map((p) => p.side))).toEqual(new Set(['salesforce', 'exchange']));
  }, 60_000);
});

describe('synclab rehearse on a hybrid tenant', () => {
  it('CONN-07: one Online mailbox among on-premises ones blocks every rep of the org, and the report says so', async () => {
    const { parseOrgFile } = await import('../../src/rehearsal/load.ts');
    const file = parseOrgFile([
      'seed: 3', 'exchange: { domain: hy.test, hybrid: true }', 'orgs:', '  - id: prod', '    kind: production',
      '    configs: [{ name: All, groups: [a] }]', 'groups:',
      '  - { name: a, orgs: [prod], reps: 3, contacts: 1, onlineMailboxes: 1, eventsPerWeek: 2, privateShare: 0.5 }', '',
    ].join('\n'), 'hybrid.yaml');
    const run = await runRehearsal(file, { days: 0 });
    expect(run.world.seeded).toEqual({ 'unsupported-mailbox': 3 });
    const report = buildRehearsalReport(run, 'hybrid.yaml', (s) => s);
    expect(report.risks.find((r) => r.id === 'unsupported-mailbox')!.initial).toBe(3);
    // Blocked reps sync nothing, so their private events are not reported as withheld.
    expect(report.risks.find((r) => r.id === 'private-withheld')!.total).toBe(0);
    expect(report.errors.map((e) => e.code)).toEqual(['HYBRID_DEPLOYMENT', 'HYBRID_DEPLOYMENT', 'HYBRID_DEPLOYMENT']);
  }, 60_000);
});

describe('rehearsal report determinism', () => {
  it('the same file and seed give the same report.json apart from wall times', async () => {
    const file = await loadOrgFile(ACME);
    const strip = (r: RehearsalReport) => JSON.stringify({ ...r, initialSync: { ...r.initialSync, wallMs: 0 } });
    const once = async () => { const run = await runRehearsal(file, { days: 1, intervalMs: 12 * 3_600_000 }); return strip(buildRehearsalReport(run, 'acme.yaml', (s) => s)); };
    expect(await once()).toBe(await once());
  }, 60_000);

  it('a profile-assigned group is counted through the profile (sandbox .invalid emails, ORG-03)', async () => {
    const { parseOrgFile } = await import('../../src/rehearsal/load.ts');
    const file = parseOrgFile([
      'seed: 4', 'exchange: { domain: pr.test }', 'orgs:', '  - id: prod', '    kind: production',
      '  - id: uat', '    kind: sandbox', '    configs: [{ name: By profile, profiles: [Field Sales] }]', 'groups:',
      '  - { name: a, orgs: [prod, uat], profile: Field Sales, reps: 4, contacts: 1, invalidEmailShare: 0.5 }', '',
    ].join('\n'), 'profile.yaml');
    const run = await runRehearsal(file, { days: 0 });
    expect(run.world.seeded).toEqual({ 'unlinked-email': 2 });
    const report = buildRehearsalReport(run, 'profile.yaml', (s) => s);
    expect(report.risks.find((r) => r.id === 'unlinked-email')!.initial).toBe(2);
  }, 60_000);
});
