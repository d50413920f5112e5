/**
 * @module
 * The per-org fetch handler: match a route, authenticate the bearer session, apply the fault schedule, spend the
 * daily API budget, run the route, and record the request in the trace (never a token). Every failure leaves in the
 * route's own protocol: a REST error array, a SOAP fault for the SOAP login, an OAuth error object for the token
 * endpoint. Unknown paths fail closed with 404 NOT_FOUND naming the path.
 */
import { ConnectionResetSignal } from '#sim-core/http-server.ts';
import type { FaultEffect, FaultRule } from '#sim-core/fault-schedule.ts';
import { bearerToken, useSession } from './auth.ts';
import { defaultStatusFor, errorResponse, notFound, sessionExpired, SfError } from './errors.ts';
import type { Org } from './org.ts';
import { soapFault } from './routes/login.ts';
import { oauthError } from './routes/oauth.ts';
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

/** Renders any error in the style of the route it happened on. */
export function renderError(error: SfError, style: ErrorStyle): Response {
  if (style === 'soap') return soapFault(error.errorCode, error.message, error.status >= 500 ? error.status : 500);
  if (style === 'oauth') return oauthError(error.errorCode.toLowerCase(), error.message, error.status);
  return errorResponse(error);
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
      compiled.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
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

/** Turns a fault effect into a response (or undefined to carry on after latency). Salesforce formats only. */
async function applyFault(rule: FaultRule<FaultEffect>, shared: SimShared, style: ErrorStyle): Promise<Response | undefined> {
  const effect = rule.effect;
  switch (effect.kind) {
    case 'latency':
      await shared.clock.sleep(effect.ms);
      if (effect.wallMs) await new Promise((resolve) => setTimeout(resolve, effect.wallMs));
      return undefined;
    case 'connection-reset':
      throw new ConnectionResetSignal();
    case 'sf-error': {
      const status = effect.status ?? defaultStatusFor(effect.errorCode);
      const message = effect.message ?? defaultFaultMessage(effect.errorCode);
      return renderError(new SfError(effect.errorCode, message, status), style);
    }
    case 'http-503': {
      const retryAfter = String(effect.retryAfterSeconds ?? 30);
      const error = new SfError('SERVER_UNAVAILABLE', 'Server temporarily unavailable, please try again later (synclab fault)', 503, undefined, { 'retry-after': retryAfter });
      const res = renderError(error, style);
      res.headers.set('retry-after', retryAfter);
      return res;
    }
    default:
      return renderError(
        new SfError('UNKNOWN_EXCEPTION', `synclab's Salesforce sim does not understand fault effect '${effect.kind}' (rule ${rule.id}); use sf-error, http-503, latency or connection-reset`, 400),
        style,
      );
  }
}

function faultErrorCode(effect: FaultEffect): string {
  if (effect.kind === 'sf-error') return effect.errorCode;
  return effect.kind === 'http-503' ? 'SERVER_UNAVAILABLE' : 'UNKNOWN_EXCEPTION';
}

function defaultFaultMessage(code: string): string {
  switch (code) {
    case 'INVALID_SESSION_ID':
      return 'Session expired or invalid';
    case 'UNABLE_TO_LOCK_ROW':
      return 'unable to obtain exclusive access to this record or 1 records';
    case 'REQUEST_LIMIT_EXCEEDED':
      return 'TotalRequests Limit exceeded.';
    default:
      return `${code} (synclab fault)`;
  }
}
