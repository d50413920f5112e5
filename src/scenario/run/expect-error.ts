/**
 * @module
 * Steps marked `expectError`: the step must be refused (with a message containing the given text). The outcome is an
 * expectation result of its own and the run goes on either way.
 */
import type { ExpectationResult, Verdict } from '../../report/model.ts';
import { describeError, NotSupportedError } from '../env/not-supported.ts';
import type { ScenarioStep } from '../schema.ts';
import { describeStep, STEP_HANDLERS } from '../steps/index.ts';
import { note, type RunContext } from './context.ts';

/** A step marked `expectError` must fail, with a message containing the given text: its own PASS/FAIL result. */
export async function expectFailure(ctx: RunContext, step: Exclude<ScenarioStep, { kind: 'expect' }>): Promise<ExpectationResult> {
  const started = performance.now();
  const wanted = step.expectError === true ? undefined : step.expectError;
  const base = {
    id: `${ctx.scenario.id}#steps[${step.index}].expectError`,
    scenario: ctx.scenario.id,
    name: step.name ?? `${describeStep(step)} is refused${wanted ? ` ("${wanted}")` : ''}`,
    kind: 'step-error',
    rules: [...ctx.scenario.rules],
  };
  let verdict: Verdict = 'FAIL';
  let message: string;
  let actual: string | undefined;
  try {
    await STEP_HANDLERS[step.kind](ctx, step.args as never);
    message = 'the step succeeded, but the scenario expects it to be refused';
  } catch (error) {
    actual = describeError(error);
    if (error instanceof NotSupportedError) {
      verdict = 'SKIP';
      message = actual;
    } else if (!wanted || actual.toLowerCase().includes(wanted.toLowerCase())) {
      verdict = 'PASS';
      message = actual;
    } else message = `refused, but the message does not mention "${wanted}"`;
  }
  note(ctx, { kind: 'check', label: base.name, verdict, detail: message });
  return {
    ...base, verdict, at: ctx.clock.now(), durationMs: Math.round((performance.now() - started) * 100) / 100,
    ...(verdict === 'PASS' ? {} : { message, ...(verdict === 'FAIL' ? { expected: { error: wanted ?? true }, actual: actual ?? 'no error' } : {}) }),
  };
}

