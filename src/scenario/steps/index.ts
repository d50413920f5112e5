/**
 * @module
 * The step handlers by kind. `expect` checkpoints are run by the runner itself (they produce results, not actions).
 */
import type { StepKind } from '../schema.ts';
import type { RunContext } from '../run/context.ts';
import { adminSteps } from './admin-steps.ts';
import { exchangeSteps } from './exchange-steps.ts';
import { runSteps } from './run-steps.ts';
import { salesforceSteps } from './salesforce-steps.ts';

export type StepHandler = (ctx: RunContext, args: never) => Promise<void>;

export const STEP_HANDLERS: Record<StepKind, StepHandler> = {
  ...runSteps,
  ...exchangeSteps,
  ...salesforceSteps,
  ...adminSteps,
};

export { describeStep } from './describe-step.ts';
