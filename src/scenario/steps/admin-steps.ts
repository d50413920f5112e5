/**
 * @module
 * Admin actions in an org's Setup: create/edit/activate/deactivate configurations (CFG-01..08), assign and unassign
 * users and profiles (CFG-02), Reset Sync (RST-01), the connection test (CONN-09) and fixing a sandbox user's
 * .invalid email (ORG-03).
 */
import type { StepArgs } from '../schema.ts';
import { configFields } from '../env/config-fields.ts';
import { note, type RunContext } from '../run/context.ts';

export function repEmail(ctx: RunContext, org: string, rep: string): string {
  if (rep.includes('@')) return rep;
  const spec = ctx.scenario.world.salesforce.orgs.find((o) => o.id === org);
  const user = spec?.users?.find((u) => u.ref === rep);
  return user?.email?.replace(/\.invalid$/, '') ?? `${rep}@${spec?.domain ?? 'acme.test'}`;
}

export const adminSteps = {
  async 'admin.create-config'(ctx: RunContext, a: StepArgs<'admin.create-config'>) {
    const admin = ctx.env.salesforce.orgs().find((o) => o.id === a.org)!.admin.username;
    await ctx.env.salesforce.admin(a.org, 'create-config', { as: admin, fields: { ...configFields(a.config), IsActive: a.config.active ?? true } });
    for (const user of a.config.users ?? []) await ctx.env.salesforce.admin(a.org, 'assign-user', { config: a.config.name, user });
    for (const profile of a.config.profiles ?? []) await ctx.env.salesforce.admin(a.org, 'assign-profile', { config: a.config.name, profile });
  },
  async 'admin.edit-config'(ctx: RunContext, a: StepArgs<'admin.edit-config'>) {
    await ctx.env.salesforce.admin(a.org, 'edit-config', { config: a.config, fields: configFields(a.set) });
  },
  async 'admin.activate-config'(ctx: RunContext, a: StepArgs<'admin.activate-config'>) {
    await ctx.env.salesforce.admin(a.org, 'activate-config', { config: a.config });
  },
  async 'admin.deactivate-config'(ctx: RunContext, a: StepArgs<'admin.deactivate-config'>) {
    await ctx.env.salesforce.admin(a.org, 'deactivate-config', { config: a.config });
  },
  async 'admin.assign'(ctx: RunContext, a: StepArgs<'admin.assign'>) {
    for (const user of a.users ?? []) await ctx.env.salesforce.admin(a.org, 'assign-user', { config: a.config, user });
    for (const profile of a.profiles ?? []) await ctx.env.salesforce.admin(a.org, 'assign-profile', { config: a.config, profile });
  },
  async 'admin.unassign'(ctx: RunContext, a: StepArgs<'admin.unassign'>) {
    for (const assignee of [...(a.users ?? []), ...(a.profiles ?? [])]) await ctx.env.salesforce.admin(a.org, 'unassign', { config: a.config, assignee });
  },
  async 'admin.reset-sync'(ctx: RunContext, a: StepArgs<'admin.reset-sync'>) {
    await ctx.env.salesforce.admin(a.org, 'reset-sync', { user: a.user });
  },
  async 'admin.edit-setup'(ctx: RunContext, a: StepArgs<'admin.edit-setup'>) {
    await ctx.env.salesforce.admin(a.org, 'edit-setup', { fields: a.set });
  },
  async 'admin.fix-sandbox-email'(ctx: RunContext, a: StepArgs<'admin.fix-sandbox-email'>) {
    await ctx.env.salesforce.admin(a.org, 'fix-sandbox-email', { user: a.user });
  },
  async 'admin.connection-test'(ctx: RunContext, a: StepArgs<'admin.connection-test'>) {
    const result = await ctx.env.engines.connectionTest(a.org, repEmail(ctx, a.org, a.rep));
    ctx.connectionTests.set(a.ref ?? `${a.org}:${a.rep}`, result);
    const failed = result.checks.filter((c) => !c.ok || c.warning).map((c) => `${c.ok ? 'warning' : 'failed'} — ${c.name}: ${c.detail}${c.fix ? ` (fix: ${c.fix})` : ''}`);
    note(ctx, { kind: 'note', org: a.org, label: `connection test for ${a.rep}: ${result.verdict}`, ...(failed.length ? { detail: failed.join('\n') } : {}) });
  },
};
