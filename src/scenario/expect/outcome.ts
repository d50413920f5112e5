/**
 * @module
 * What checking one expectation yields before it becomes an ExpectationResult.
 */
export interface Outcome {
  pass: boolean;
  expected?: unknown;
  actual?: unknown;
  message?: string;
}

export const pass = (actual?: unknown): Outcome => ({ pass: true, ...(actual !== undefined ? { actual } : {}) });
export const fail = (message: string, expected: unknown, actual: unknown): Outcome => ({ pass: false, message, expected, actual });
