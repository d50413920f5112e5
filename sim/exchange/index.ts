/**
 * @module
 * synclab's Exchange simulator: EWS (SOAP over `POST /EWS/Exchange.asmx`), Autodiscover, the Azure AD token
 * endpoint and a `/_sim/…` control API, over one HTTP server on 127.0.0.1, built from an ExchangeWorld.
 *
 * ```ts
 * const sim = await startExchangeSim({ clock, seed: 7, world });
 * const svc = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
 * svc.Url = new Uri(sim.urls.ews);
 * svc.Credentials = new WebCredentials('svc-sync@acme.test', 'pw');
 * svc.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, 'rep1@acme.test');
 * ```
 */
import { http, HttpResponse, getResponse, type RequestHandler } from 'msw';
import { FaultSchedule } from '#sim-core/fault-schedule.ts';
import { ConnectionResetSignal, serveFetchHandler } from '#sim-core/http-server.ts';
import { Trace } from '#sim-core/trace.ts';
import type { Clock } from '#time/clock.ts';
import { createAuthenticator, type Authenticator } from './auth/index.ts';
import { handleAutodiscover, isAutodiscoverPath } from './autodiscover/index.ts';
import { Directory, type DirectoryJSON } from './directory/index.ts';
import { createExchangeActions, type ExchangeActions } from './actions.ts';
import { handleControlRequest, CONTROL_PREFIX } from './control-api.ts';
import { createEwsEndpoint } from './ews-endpoint.ts';
import { ThrottlingBudget } from './throttling.ts';
import { handleTokenRequest, isTokenPath } from './oauth/index.ts';
import { traceSideRequest } from './side-trace.ts';
import { soapFaultResponse } from './soap/fault.ts';
import { ExchangeStore } from './store/store.ts';
import type { StoreSnapshot } from './store/types.ts';
import { buildStore } from './world/build-store.ts';
import type { ExchangeWorld } from './world.ts';

export { buildDemoExchangeWorld } from './world/demo-world.ts';
export type { ExchangeActions } from './actions.ts';
export { SALESFORCE_SYNC_FOLDER } from './world/build-store.ts';

export const EWS_PATH = '/EWS/Exchange.asmx';

export interface ExchangeSimOptions {
  clock: Clock;
  seed?: number;
  world?: ExchangeWorld;
  port?: number;
  /** Test seam: replaces EX-AUTH's authenticator (e.g. a permissive one). Production paths never set it. */
  authenticator?: (directory: Directory, clock: Clock) => Authenticator;
  /**
   * Keep a copy of the built world so `reset()` can go back to it (default true). A rehearsal of 1,000 mailboxes
   * never resets and would pay the copy's memory for the whole run, so it turns this off.
   */
  resettable?: boolean;
}

export interface ExchangeSimSnapshot {
  format: 'synclab-exchange-sim/1';
  at: number;
  store: StoreSnapshot;
  directory: DirectoryJSON;
}

export interface ExchangeSim {
  urls: { origin: string; ews: string; autodiscover: string; autodiscoverPox: string; /** `{tenantId}` placeholder */ token: string; tokenFor(tenant: string): string };
  /** msw request handlers serving this sim (usable with msw's setupServer in-process). */
  handlers: RequestHandler[];
  /** In-process request, no socket. A connection-reset fault rejects with ConnectionResetSignal. */
  fetch(request: Request): Promise<Response>;
  actions: ExchangeActions;
  faults: FaultSchedule;
  trace: Trace;
  readonly store: ExchangeStore;
  readonly directory: Directory;
  readonly clock: Clock;
  snapshot(): ExchangeSimSnapshot;
  restore(snapshot: ExchangeSimSnapshot): void;
  /** Back to the world as built (new store epoch: earlier SyncStates are refused); faults and trace cleared. */
  reset(): void;
  close(): Promise<void>;
}

export async function startExchangeSim(options: ExchangeSimOptions): Promise<ExchangeSim> {
  const { clock } = options;
  const seed = options.seed ?? 0;
  const world: ExchangeWorld = options.world ?? {};
  const makeAuth = options.authenticator ?? ((d: Directory, c: Clock) => createAuthenticator(d, c));
  const faults = new FaultSchedule(clock, seed);
  const trace = new Trace();
  const store = new ExchangeStore(clock, seed);
  let directory = new Directory(world, clock);
  let authenticator = makeAuth(directory, clock);
  buildStore(store, directory, world, clock, seed);
  const initial = options.resettable === false ? undefined : { store: store.snapshot(), directory: directory.toJSON() };

  let origin = 'http://127.0.0.1';
  const urls = (): ExchangeSim['urls'] => ({
    origin,
    ews: `${origin}${EWS_PATH}`,
    autodiscover: `${origin}/autodiscover/autodiscover.svc`,
    autodiscoverPox: `${origin}/autodiscover/autodiscover.xml`,
    token: `${origin}/{tenantId}/oauth2/v2.0/token`,
    tokenFor: (tenant) => `${origin}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`,
  });

  const budget = world.tenant?.ewsThrottling;
  const throttling = budget ? new ThrottlingBudget(clock, budget.maxRequestsPerMinute) : undefined;
  const endpoint = () => createEwsEndpoint({ store, directory, authenticator, clock, faults, trace, ...(throttling ? { throttling } : {}) });
  let ews = endpoint();
  const rebind = (): void => {
    authenticator = makeAuth(directory, clock);
    ews = endpoint();
  };

  const sim = {} as ExchangeSim;
  const handle = async (request: Request): Promise<Response> => {
    const pathname = new URL(request.url).pathname;
    try {
      if (pathname.toLowerCase() === EWS_PATH.toLowerCase()) return await ews(request);
      if (isAutodiscoverPath(pathname)) {
        return await traceSideRequest('autodiscover', request, { trace, clock, faults }, (r) => handleAutodiscover(r, { directory, authenticator, ewsUrl: urls().ews, clock }));
      }
      if (isTokenPath(pathname)) return await traceSideRequest('token', request, { trace, clock, faults }, (r) => handleTokenRequest(r, { directory, clock }));
      if (pathname.startsWith(CONTROL_PREFIX)) return await handleControlRequest(request, sim);
      const note = `not implemented by synclab's Exchange sim: ${request.method} ${pathname}`;
      trace.record({ at: clock.now(), sim: 'exchange', method: request.method, path: pathname, operation: 'unknown', status: 404, write: false, error: 'NotFound', note });
      return new Response(note, { status: 404, headers: { 'content-type': 'text/plain' } });
    } catch (error) {
      if (error instanceof ConnectionResetSignal) throw error;
      return internalError(error);
    }
  };
  // Filled once the port is known: the handler matches this sim's port on any loopback host name, so it can share an
  // msw setupServer with the Salesforce sim's handlers without swallowing their requests.
  const handlers: RequestHandler[] = [];
  const viaHandlers = async (request: Request): Promise<Response> => {
    const response = await getResponse(handlers, request);
    if (!response) return new Response('no handler', { status: 404 });
    if (response.type === 'error') throw new ConnectionResetSignal();
    return response;
  };

  const server = await serveFetchHandler(viaHandlers, { ...(options.port !== undefined ? { port: options.port } : {}), onError: internalError });
  origin = server.origin;
  const ownOrigin = new RegExp(`^https?://(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):${server.port}/`, 'i');
  handlers.push(
    http.all(ownOrigin, async ({ request }) => {
      try {
        return await handle(request);
      } catch (error) {
        if (error instanceof ConnectionResetSignal) return HttpResponse.error();
        return internalError(error);
      }
    }),
  );

  // Live getters: Object.assign would copy a getter's value once, and restore()/reset() replace the directory.
  Object.defineProperties(sim, {
    urls: { get: urls, enumerable: true },
    store: { get: () => store, enumerable: true },
    directory: { get: () => directory, enumerable: true },
  });
  Object.assign(sim, {
    handlers,
    clock,
    fetch: handle,
    faults,
    trace,
    snapshot: (): ExchangeSimSnapshot => ({ format: 'synclab-exchange-sim/1', at: clock.now(), store: store.snapshot(), directory: directory.toJSON() }),
    restore(snapshot: ExchangeSimSnapshot) {
      if (snapshot?.format !== 'synclab-exchange-sim/1') {
        throw new Error(`exchange sim restore: expected what snapshot() returned (format synclab-exchange-sim/1), got ${JSON.stringify(snapshot?.format)}`);
      }
      store.restore(snapshot.store);
      directory = Directory.fromJSON(snapshot.directory, clock);
      rebind();
    },
    reset() {
      if (!initial) throw new Error('exchange sim reset(): this sim was started with resettable: false, so it kept no copy of its initial world; start it without that option to reset it');
      store.restore(initial.store);
      store.reset();
      store.restore({ ...initial.store, epoch: store.epoch });
      directory = Directory.fromJSON(initial.directory, clock);
      rebind();
      faults.clear();
      trace.clear();
    },
    close: () => server.close(),
  });
  sim.actions = createExchangeActions(sim);
  return sim;
}

function internalError(error: unknown): Response {
  // Never a bare 500: ews-javascript-api hangs on one without a SOAP body (client-probe §3.6).
  return soapFaultResponse({
    responseCode: 'ErrorInternalServerError',
    message: `synclab Exchange sim internal error: ${error instanceof Error ? error.message : String(error)}`,
  });
}
