/**
 * @module
 * Expectations on the Lightning Sync objects: a rep's LightningSyncUserStatus fields (STAT-03/04) and
 * LightningSyncError records (ERR-01).
 */
import type { ExpectArgs } from '../schema.ts';
import type { RunContext } from '../run/context.ts';
import { describeCount, matchCount, matchFields, same } from './match.ts';
import { fail, pass, type Outcome } from './outcome.ts';

export async function checkUserStatus(ctx: RunContext, a: ExpectArgs<'salesforce.user-status'>): Promise<Outcome> {
  const userId = ctx.env.salesforce.idOfRef(a.org, a.user);
  const rows = await ctx.env.salesforce.records(a.org, 'LightningSyncUserStatus');
  const row = rows.find((r) => userId && same(String(r.fields.UserId ?? '').slice(0, 15), userId.slice(0, 15)));
  if (!row) return fail(`no LightningSyncUserStatus for ${a.user} in org ${a.org} — the engine has not written one`, a.fields, null);
  const mismatches = matchFields(row.fields, a.fields);
  if (mismatches.length === 0) return pass();
  return fail(
    `user status of ${a.user}: ${mismatches.map((m) => `${m.field} is ${JSON.stringify(m.actual)}`).join(', ')}`,
    Object.fromEntries(mismatches.map((m) => [m.field, m.expected])),
    Object.fromEntries(mismatches.map((m) => [m.field, m.actual])),
  );
}

export async function checkErrors(ctx: RunContext, a: ExpectArgs<'salesforce.error'>): Promise<Outcome> {
  const userId = a.user ? ctx.env.salesforce.idOfRef(a.org, a.user) : undefined;
  const rows = (await ctx.env.salesforce.records(a.org, 'LightningSyncError')).filter(
    (r) =>
      (!a.user || (userId !== undefined && String(r.fields.UserId ?? '').slice(0, 15) === userId.slice(0, 15))) &&
      (!a.code || r.fields.ErrorCode === a.code) &&
      (!a.object || r.fields.ObjectType === a.object),
  );
  const matcher = a.count ?? { gte: 1 };
  if (matchCount(rows.length, matcher)) return pass({ count: rows.length });
  return fail(
    `expected ${describeCount(matcher)} LightningSyncError record(s)${a.code ? ` with ErrorCode ${a.code}` : ''}${a.user ? ` for ${a.user}` : ''}, found ${rows.length}`,
    { count: matcher },
    rows.map((r) => `${String(r.fields.ErrorCode)}: ${String(r.fields.Message ?? '')}`),
  );
}

/** Any sObject, e.g. Account, EventRelation, LightningSyncSetup: same selection and checks as the state expectations. */
export async function checkRecord(ctx: RunContext, a: ExpectArgs<'salesforce.record'>): Promise<Outcome> {
  let rows = await ctx.env.salesforce.records(a.org, a.object);
  if (a.ref) {
    const id = ctx.env.salesforce.idOfRef(a.org, a.ref);
    rows = rows.filter((r) => id !== undefined && r.id.slice(0, 15) === id.slice(0, 15));
  }
  if (a.where) rows = rows.filter((r) => Object.entries(a.where!).every(([k, v]) => same(r.fields[k], v)));
  const what = `${a.object} in org ${a.org}${a.where ? ` where ${JSON.stringify(a.where)}` : ''}`;
  if (a.absent) return rows.length === 0 ? pass() : fail(`expected no ${what}, found ${rows.length}`, { absent: true }, rows.map((r) => r.label));
  if (a.count !== undefined && !matchCount(rows.length, a.count)) return fail(`expected ${describeCount(a.count)} ${what}, found ${rows.length}`, { count: a.count }, rows.map((r) => r.label));
  if (!a.fields) return rows.length || a.count !== undefined ? pass() : fail(`no ${what}`, { exists: true }, []);
  for (const row of rows) if (matchFields(row.fields, a.fields).length === 0) return pass();
  const closest = rows[0];
  const m = closest ? matchFields(closest.fields, a.fields) : [];
  return fail(
    closest ? `${what} "${closest.label}": ${m.map((x) => `${x.field} is ${JSON.stringify(x.actual)}`).join(', ')}` : `no ${what}`,
    a.fields,
    closest ? Object.fromEntries(m.map((x) => [x.field, x.actual])) : [],
  );
}
