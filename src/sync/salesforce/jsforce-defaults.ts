/**
 * @module
 * jsforce 3.10.16 retries GET/PUT/DELETE on 5xx/429 and on dropped connections for ~15 s of WALL time with its own
 * exponential back-off (jsforce/lib/request). That would break scenario time (G-06: waits happen on the injected
 * clock) and hide faults from the engine's own bounded retries. The setting is process-global (a module-level
 * `defaults` in jsforce/lib/request, not a documented API), so it is applied once here, by the engine module, and
 * every engine in the process shares it. The package has no `exports` map, so the deep require works.
 */
import { createRequire } from 'node:module';

/** Wall-clock bound of one Salesforce HTTP request (jsforce's own default is 30 minutes). */
export const SF_REQUEST_TIMEOUT_MS = 120_000;

let applied = false;

export function tameJsforceRetries(): void {
  if (applied) return;
  const request = createRequire(import.meta.url)('jsforce/lib/request') as { setDefaults(options: unknown): void };
  request.setDefaults({ retry: { maxRetries: 0 }, timeout: SF_REQUEST_TIMEOUT_MS });
  applied = true;
}
