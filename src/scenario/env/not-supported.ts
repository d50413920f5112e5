/**
 * @module
 * The error a step or expectation throws when the sims or the engine cannot do what the scenario asks *yet*. The
 * runner turns it into SKIP with this message (never a silent pass); any other error is ERROR.
 */
export class NotSupportedError extends Error {
  readonly code = 'NOT_SUPPORTED';
  constructor(message: string) {
    super(message);
    this.name = 'NotSupportedError';
  }
}

/** ews-javascript-api rejects with non-Error values; make every failure printable. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    const e = error as Record<string, unknown>;
    const text = e.message ?? e.Message ?? e.errorCode ?? e.ErrorCode;
    if (text !== undefined) return String(text);
    try {
      return JSON.stringify(error).slice(0, 300);
    } catch {
      return Object.prototype.toString.call(error);
    }
  }
  return String(error);
}
