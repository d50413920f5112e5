/**
 * @module
 * The per-org fetch handler: match a route, authenticate the bearer session, apply the fault schedule, spend the
 * daily API budget, run the route, and record the request in the trace (never a token). Every failure leaves in the
 * route's own protocol: a REST error array, a SOAP fault for the SOAP login, an OAuth error object for the token
 * endpoint. Unknown paths fail closed with 404 NOT_FOUND naming the path.
 */
import { ConnectionResetSignal } from '#sim-core/http-server.ts';
import { bearerToken, useSession } from './auth.ts';
import { notFound, sessionExpired, SfError } from './errors.ts';
import { applyFault, faultErrorCode } from './fault-effects.ts';
import type { Org } from './org.ts';
import { renderError } from './error-render.ts';
import type { ErrorStyle, Route, RouteContext, RouteMeta, SimShared } from './routes/types.ts';
import { checkApiVersion } from './routes/versions.ts';
// types.ts has no runtime imports, so the router loads even while the SOQL engine is incomplete.
import { SoqlError } from './soql/types.ts';

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

export function compileRoutes(routes: Route[]): CompiledRoute[] {
  return routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route, regex: new RegExp(`^${source}/?$`), names };
  });
}

/** A malformed %-escape stays as sent (it then fails as a bad id or type) instead of crashing the request. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function toSfError(error: unknown): SfError {
  if (error instanceof SfError) return error;
  if (error instanceof SoqlError) return new SfError(error.errorCode, error.message, 400);
  const message = error instanceof Error ? error.message : String(error);
  return new SfError('UNKNOWN_EXCEPTION', `synclab Salesforce sim internal error: ${message}`, 500);
}

export function createOrgHandler(org: Org, shared: SimShared, routes: CompiledRoute[]): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    let matched: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
    let pathKnown = false;
    for (const compiled of routes) {
      const m = compiled.regex.exec(path);
      if (!m) continue;
      pathKnown = true;
      if (compiled.route.method !== request.method) continue;
      const params: Record<string, string> = {};
      compiled.names.forEach((name, i) => (params[name] = safeDecode(m[i + 1]!)));
      matched = { compiled, params };
      break;
    }
    const meta: RouteMeta = {};
    const route = matched?.compiled.route;
    const operation = route?.operation ?? 'unknown';
    const style: ErrorStyle = route?.errorStyle ?? 'rest';
    let faultId: string | undefined;
    let response: Response;
    try {
      if (!matched || !route) {
        meta.note = `not implemented by synclab's Salesforce sim: ${request.method} ${path}`;
        throw pathKnown
          ? new SfError('METHOD_NOT_ALLOWED', `HTTP method '${request.method}' not allowed on ${path}`, 405)
          : notFound(path);
      }
      const ctx: RouteContext = { org, shared, request, url, params: matched.params, apiVersion: '', user: {}, userId: '', meta };
      if (matched.params.version !== undefined) ctx.apiVersion = checkApiVersion(matched.params.version, path);
      if (route.auth === 'session') {
        const token = bearerToken(request);
        const signedIn = token ? useSession(org, token) : undefined;
        if (!signedIn) throw sessionExpired();
        if (org.expiredPasswords.has(String(signedIn.user.Id))) {
          throw new SfError('INVALID_OPERATION_WITH_EXPIRED_PASSWORD', 'The users password has expired, you must call SetPassword before attempting any other API operations');
        }
        ctx.user = signedIn.user;
        ctx.userId = String(signedIn.user.Id);
        meta.principal = String(signedIn.user.Username);
      }
      const control = operation.startsWith('_sim.');
      const rule = control ? undefined : shared.faults.check({ operation, target: org.label });
      if (rule) {
        faultId = rule.id;
        const faulted = await applyFault(rule, shared, style);
        if (faulted) {
          meta.error = faultErrorCode(rule.effect);
          return record(faulted);
        }
      }
      if (route.auth === 'session' && !org.spendApiCall()) {
        throw new SfError('REQUEST_LIMIT_EXCEEDED', `TotalRequests Limit exceeded. (${org.dailyApiLimit} API requests in 24 hours)`, 403);
      }
      response = await route.handle(ctx);
    } catch (error) {
      if (error instanceof ConnectionResetSignal) {
        // Recorded before the socket goes: the fired fault must be in the trace even though no answer is sent (#2 §7).
        meta.error = 'ConnectionReset';
        meta.note = 'connection reset by the fault schedule: no response was sent';
        record(undefined);
        throw error;
      }
      const sfError = toSfError(error);
      meta.error = sfError.errorCode;
      response = renderError(sfError, style);
    }
    return record(response);

    function record(res: Response | undefined): Response {
      if (operation.startsWith('_sim.')) return res!;
      shared.trace.record({
        at: shared.clock.now(),
        sim: 'salesforce',
        method: request.method,
        path,
        operation,
        target: org.label,
        ...(meta.principal ? { principal: meta.principal } : {}),
        status: res?.status ?? 0,
        write: (meta.write ?? false) && (res?.status ?? 500) < 300,
        ...(meta.items !== undefined ? { items: meta.items } : {}),
        ...(faultId ? { faultId } : {}),
        ...(meta.error ? { error: meta.error } : {}),
        ...(meta.note ? { note: meta.note } : {}),
      });
      if (res && route?.auth === 'session') res.headers.set('sforce-limit-info', `api-usage=${org.apiCallsUsed()}/${org.dailyApiLimit}`);
      return res!;
    }
  };
}
