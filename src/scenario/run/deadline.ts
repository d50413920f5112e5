/**
 * @module
 * A wall-clock safety net per scenario. Scenario time never waits, so a scenario that takes minutes of real time is
 * stuck (an engine call without a timeout, a sim that never answers). Past the limit the current step or check fails
 * with this error, the rest is not run, and the world is closed — the suite moves on instead of hanging CI.
 */

export const DEFAULT_SCENARIO_TIMEOUT_MS = 300_000;

export class WallDeadlineError extends Error {
  readonly code = 'SCENARIO_TIMEOUT';
  constructor(what: string, limitMs: number) {
    super(`${what} did not finish within the scenario's wall-time limit of ${Math.round(limitMs / 1000)} s — a call without a timeout? (raise it with synclab run --timeout)`);
    this.name = 'WallDeadlineError';
  }
}

export interface Deadline {
  /** performance.now() value after which work is refused. */
  at: number;
  limitMs: number;
}

export function deadlineIn(limitMs: number): Deadline {
  return { at: performance.now() + limitMs, limitMs };
}

export async function withDeadline<T>(deadline: Deadline | undefined, what: string, work: () => Promise<T>): Promise<T> {
  if (!deadline) return work();
  const remaining = deadline.at - performance.now();
  if (remaining <= 0) throw new WallDeadlineError(what, deadline.limitMs);
  const promise = work();
  promise.catch(() => undefined); // a late failure after the deadline has nobody left to tell
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WallDeadlineError(what, deadline.limitMs)), remaining);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
