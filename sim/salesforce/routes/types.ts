/**
 * @module
 * What a route sees: the org, the request, path params, the signed-in user (for authenticated routes), and a
 * `meta` object it fills in for the trace (records touched, whether it wrote).
 */
import type { Clock } from '#time/clock.ts';
import type { FaultSchedule } from '#sim-core/fault-schedule.ts';
import type { Trace } from '#sim-core/trace.ts';
import type { Org } from '../org.ts';
import type { Row } from '../store.ts';

export interface SimShared {
  clock: Clock;
  faults: FaultSchedule;
  trace: Trace;
}

export interface RouteMeta {
  items?: number;
  write?: boolean;
  /** Principal to record when the route itself authenticates (login). */
  principal?: string;
  note?: string;
  /** Error code of a failure the route answered itself (SOAP fault, OAuth error). */
  error?: string;
}

export interface RouteContext {
  org: Org;
  shared: SimShared;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** e.g. '62.0' for routes under /services/data/vXX.X. */
  apiVersion: string;
  /** The signed-in user (authenticated routes only). */
  user: Row;
  userId: string;
  meta: RouteMeta;
}

export type AuthMode = 'none' | 'session';
/** How errors and faults are rendered for this route: REST error array, SOAP fault, or OAuth error object. */
export type ErrorStyle = 'rest' | 'soap' | 'oauth';

export interface Route {
  method: string;
  /** Path template, `:name` segments become params. */
  path: string;
  operation: string;
  auth: AuthMode;
  errorStyle?: ErrorStyle;
  handle(ctx: RouteContext): Promise<Response> | Response;
}
