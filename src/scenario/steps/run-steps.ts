/**
 * @module
 * Steps that drive the run itself: sync cycles, scenario time, engine restarts (G-05) and the fault schedule.
 */
import type { FaultRule } from '../../../sim/core/fault-schedule.ts';
import { parseDuration } from '../../time/clock.ts';
import type { StepArgs } from '../schema.ts';
import { note, type RunContext } from '../run/context.ts';
import { runCycles } from '../run/cycles.ts';

export const runSteps = {
  async sync(ctx: RunContext, a: StepArgs<'sync'>) {
    const org = typeof a === 'string' ? a : a.org;
    await runCycles(ctx, org, typeof a === 'string' ? 1 : (a.cycles ?? 1));
  },
  async advance(ctx: RunContext, a: StepArgs<'advance'>) {
    ctx.clock.advance(parseDuration(a));
  },
  async 'advance-to'(ctx: RunContext, a: StepArgs<'advance-to'>) {
    ctx.clock.set(a);
  },
  async 'engine.restart'(ctx: RunContext, a: StepArgs<'engine.restart'>) {
    await ctx.env.engines.restart(a);
  },
  async faults(ctx: RunContext, a: StepArgs<'faults'>) {
    if (a === 'clear') {
      ctx.env.exchange.clearFaults();
      ctx.env.salesforce.clearFaults();
      return;
    }
    for (const entry of a) {
      const { within, from, until, ...match } = entry.match ?? {};
      const rule: FaultRule = {
        id: entry.id,
        match: {
          ...match,
          ...(from ? { from: Date.parse(from) } : {}),
          ...(until ? { until: Date.parse(until) } : within ? { until: ctx.clock.now() + parseDuration(within) } : {}),
        },
        effect: entry.effect,
      };
      if (entry.sim === 'exchange') ctx.env.exchange.addFault(rule);
      else ctx.env.salesforce.addFault(entry.org, rule);
      note(ctx, { kind: 'fault', label: `scheduled ${entry.id} on ${entry.sim}${entry.org ? ` (${entry.org})` : ''}: ${entry.effect.kind}` });
    }
  },
};
