/**
 * @module
 * One-line labels of steps for the timeline and error messages ("exchange.update kickoff in marianne@acme.test").
 */
import type { ScenarioStep } from '../schema.ts';

export function describeStep(step: ScenarioStep): string {
  if (step.name) return step.name;
  const a = step.args as unknown as Record<string, unknown>;
  const sel = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  switch (step.kind) {
    case 'sync':
      return typeof step.args === 'string' ? `sync ${step.args}` : `sync ${step.args.org}${step.args.cycles ? ` × ${step.args.cycles}` : ''}`;
    case 'advance':
    case 'advance-to':
    case 'engine.restart':
      return `${step.kind} ${String(step.args)}`;
    case 'expect':
      return `check ${step.args.length} expectation${step.args.length === 1 ? '' : 's'}`;
    case 'faults':
      return step.args === 'clear' ? 'clear faults' : `faults ${step.args.map((f) => f.id).join(', ')}`;
    case 'exchange.create':
      return `exchange.create ${a.contact ? 'contact' : 'event'} in ${a.mailbox}`;
    case 'exchange.admin': {
      const [action, value] = Object.entries(a)[0] ?? ['?', undefined];
      const v = value as Record<string, unknown> | string | undefined;
      const subject = typeof v === 'string' ? v : (v?.clientId ?? v?.mailbox ?? v?.address ?? v?.username ?? '');
      return `exchange.admin ${action}${subject ? ` ${String(subject)}` : ''}`;
    }
    case 'salesforce.create':
      return `salesforce.create ${a.contact ? 'Contact' : 'Event'} in ${a.org} as ${a.as}`;
    default:
      if (step.kind.startsWith('exchange.')) return `${step.kind} ${sel(a.item)} in ${a.mailbox}`;
      if (step.kind.startsWith('salesforce.')) return `${step.kind} ${sel(a.item ?? a.contact ?? a.event)} in ${a.org} as ${a.as}`;
      return `${step.kind} ${[a.config, a.user, a.rep].filter(Boolean).join(' ')} in ${a.org}`.replace(/\s+/g, ' ');
  }
}
