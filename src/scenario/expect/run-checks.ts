/**
 * @module
 * Expectations on what the run recorded: findings (overwrite, conflict, multi-org collision, …), request/write counts
 * per cycle from the sims' traces (G-02), and connection-test verdicts (CONN-09).
 */
import type { Finding } from '../../sync/api.ts';
import type { CycleRecord } from '../../report/model.ts';
import type { ExpectArgs } from '../schema.ts';
import type { RunContext } from '../run/context.ts';
import { describeCount, matchCount, matchValue } from './match.ts';
import { fail, pass, type Outcome } from './outcome.ts';

export function checkFinding(ctx: RunContext, a: ExpectArgs<'finding'>): Outcome {
  const matches = ctx.findings.filter((f) => findingMatches(ctx, f, a));
  const matcher = a.count ?? { gte: 1 };
  if (matchCount(matches.length, matcher)) return pass({ count: matches.length });
  const { count: _count, ...wanted } = a;
  return fail(
    `expected ${describeCount(matcher)} finding(s) like ${JSON.stringify(wanted)}, found ${matches.length} (of ${ctx.findings.length} findings in the run)`,
    { ...wanted, count: matcher },
    (matches.length ? matches : ctx.findings).slice(0, 10).map((f) => ({ kind: f.kind, rule: f.rule, org: f.org, rep: f.rep, field: f.field, before: f.before, after: f.after })),
  );
}

function findingMatches(ctx: RunContext, f: Finding, a: ExpectArgs<'finding'>): boolean {
  if (a.kind && f.kind !== a.kind) return false;
  if (a.rule && f.rule !== a.rule) return false;
  if (a.org && f.org !== a.org) return false;
  if (a.otherOrg && !sameOrg(ctx, f.otherOrg, a.otherOrg)) return false;
  if (a.object && f.object !== a.object) return false;
  if (a.field && f.field?.toLowerCase() !== a.field.toLowerCase()) return false;
  if (a.rep && !repMatches(ctx, f.rep, a.rep)) return false;
  if (a.before !== undefined && !matchValue(f.before, a.before)) return false;
  if (a.after !== undefined && !matchValue(f.after, a.after)) return false;
  return true;
}

/** Findings name the other org by its 18-char id; scenarios may use the org's label (uat). */
function sameOrg(ctx: RunContext, actual: string | undefined, wanted: string): boolean {
  if (!actual) return false;
  if (actual === wanted) return true;
  const org = ctx.env.salesforce.orgs().find((o) => o.id === wanted);
  return !!org && org.orgId.slice(0, 15) === actual.slice(0, 15);
}

/** A finding names the rep by username or email; a scenario by user ref, email or username. */
function repMatches(ctx: RunContext, actual: string | undefined, wanted: string): boolean {
  if (!actual) return false;
  const a = actual.toLowerCase();
  const w = wanted.toLowerCase();
  if (a === w || a.startsWith(`${w}@`)) return true;
  return ctx.scenario.world.salesforce.orgs.some((o) =>
    (o.users ?? []).some((u) => u.ref.toLowerCase() === w && [u.email, u.username].some((x) => x && a.startsWith(x.toLowerCase().replace(/\.invalid$/, '')))),
  );
}

export function checkCounts(ctx: RunContext, a: ExpectArgs<'counts'>): Outcome {
  const pool = ctx.cycles.filter((c) => !a.org || c.org === a.org);
  let cycles: CycleRecord[];
  const which = a.cycle ?? 'last';
  if (which === 'last') cycles = pool.slice(-1);
  else if (which === 'all') cycles = pool;
  else cycles = pool.filter((c) => c.n === which);
  if (cycles.length === 0) {
    return fail(`no cycle ${String(which)}${a.org ? ` of org ${a.org}` : ''} has run — add a sync step before this check`, { cycle: which }, { cycles: pool.length });
  }
  const sim = a.sim ?? 'both';
  const pickSide = (v: { exchange: number; salesforce: number }) => (sim === 'both' ? v.exchange + v.salesforce : v[sim]);
  const requests = a.operation
    ? cycles.reduce((n, c) => n + Object.entries(c.operations).filter(([k]) => opMatches(k, a.operation!, sim)).reduce((m, [, v]) => m + v, 0), 0)
    : cycles.reduce((n, c) => n + pickSide(c.requests), 0);
  const writes = cycles.reduce((n, c) => n + pickSide(c.writes), 0);
  const errors = cycles.reduce((n, c) => n + c.errors.filter((e) => (!a.errorCode || e.code === a.errorCode) && (!a.errorRule || e.rule === a.errorRule)).length, 0);
  const actual = { requests, writes, errors, cycles: cycles.map((c) => `${c.org}#${c.n}`) };
  const problems: string[] = [];
  if (a.requests !== undefined && !matchCount(requests, a.requests)) problems.push(`${requests} requests (expected ${describeCount(a.requests)})`);
  if (a.writes !== undefined && !matchCount(writes, a.writes)) problems.push(`${writes} writes (expected ${describeCount(a.writes)})`);
  const errorFilter = [a.errorCode, a.errorRule].filter(Boolean).join(' ');
  if (a.errors !== undefined && !matchCount(errors, a.errors)) problems.push(`${errors} engine errors${errorFilter ? ` (${errorFilter})` : ''} (expected ${describeCount(a.errors)})`);
  if (problems.length === 0) return pass(actual);
  const expected = { ...(a.requests !== undefined ? { requests: a.requests } : {}), ...(a.writes !== undefined ? { writes: a.writes } : {}), ...(a.errors !== undefined ? { errors: a.errors } : {}) };
  const detail = cycles.flatMap((c) => c.errors.map((e) => `${e.code}: ${e.message}`)).slice(0, 3);
  return fail(`cycle ${actual.cycles.join(', ')}${a.operation ? ` ${a.operation}` : ''}${sim !== 'both' ? ` on ${sim}` : ''}: ${problems.join('; ')}${detail.length ? ` — engine errors: ${detail.join(' | ')}` : ''}`, expected, actual);
}

function opMatches(key: string, operation: string, sim: 'exchange' | 'salesforce' | 'both'): boolean {
  const [side, op] = [key.slice(0, 2), key.slice(3)];
  if (sim === 'exchange' && side !== 'EX') return false;
  if (sim === 'salesforce' && side !== 'SF') return false;
  return op === operation;
}

export function checkConnectionTest(ctx: RunContext, a: ExpectArgs<'connection-test'>): Outcome {
  const result = ctx.connectionTests.get(a.ref);
  if (!result) return fail(`no connection test with ref ${a.ref} has run — add an admin.connection-test step with ref: ${a.ref}`, a, null);
  const failing = result.checks.filter((c) => !c.ok).map((c) => c.name);
  const problems: string[] = [];
  if (a.verdict && result.verdict !== a.verdict) problems.push(`verdict is "${result.verdict}"`);
  if (a.failing && !failing.some((n) => n.toLowerCase().includes(a.failing!.toLowerCase()))) problems.push(`no failing check named like "${a.failing}" (failing: ${failing.join(', ') || 'none'})`);
  const notes = result.checks.filter((c) => !c.ok || c.warning).map((c) => `${c.detail} ${c.fix ?? ''}`);
  if (a.detail && !notes.some((n) => n.toLowerCase().includes(a.detail!.toLowerCase()))) problems.push(`no failed or warning check says "${a.detail}"`);
  const actual = { verdict: result.verdict, failing, ...(a.detail ? { details: notes } : {}) };
  return problems.length ? fail(`connection test ${a.ref}: ${problems.join('; ')}`, a, actual) : pass(actual);
}

