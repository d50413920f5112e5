/**
 * @module
 * The `/_sim/…` control API, for `synclab serve` users and out-of-process drivers (LocalStack-style developer
 * endpoints). Reads have no side effects.
 *
 * GET  /_sim/state            mailboxes, folders, items (the store snapshot)
 * GET  /_sim/directory        tenant, mailboxes, service accounts, OAuth apps with consent (no passwords or secrets)
 * GET  /_sim/snapshot         a full sim snapshot (JSON)       POST /_sim/restore   body: a snapshot
 * POST /_sim/reset            back to the world as built
 * POST /_sim/actions          body: an ExchangeAction or an array of them — rep actions (createContact, updateEvent, …)
 *                             and admin actions (grantConsent, revokeConsent, addMailbox, updateMailbox, removeMailbox,
 *                             updateServiceAccount, updateTenant); answers { ok, results } in order, or 422 naming the fault
 * POST /_sim/clock            body: { "set": ISO } or { "advance": "15m" | ms } (ScenarioClock only)
 * GET  /_sim/faults           PUT /_sim/faults  body: FaultRule[]
 * GET  /_sim/trace?since=N    trace entries after seq N (no secrets are ever recorded)
 */
import { parseDuration, ScenarioClock } from '#time/clock.ts';
import type { FaultRule } from '#sim-core/fault-schedule.ts';
import type { ExchangeAction } from './actions.ts';
import type { ExchangeSim, ExchangeSimSnapshot } from './index.ts';

export const CONTROL_PREFIX = '/_sim/';

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value, null, 2), { status, headers: { 'content-type': 'application/json' } });
}

function problem(status: number, message: string): Response {
  return json({ error: message }, status);
}

export async function handleControlRequest(request: Request, sim: ExchangeSim): Promise<Response> {
  const url = new URL(request.url);
  const route = `${request.method} ${url.pathname.slice(CONTROL_PREFIX.length - 1)}`;
  const body = async (): Promise<unknown> => {
    const text = await request.text();
    try {
      return text ? JSON.parse(text) : undefined;
    } catch (error) {
      throw new BadRequest(`the body is not JSON: ${(error as Error).message}`);
    }
  };
  try {
    switch (route) {
      case 'GET /state':
        return json(sim.snapshot().store);
      case 'GET /directory':
        return json(directoryView(sim));
      case 'GET /snapshot':
        return json(sim.snapshot());
      case 'POST /restore':
        sim.restore((await body()) as ExchangeSimSnapshot);
        return json({ ok: true });
      case 'POST /reset':
        sim.reset();
        return json({ ok: true });
      case 'POST /actions': {
        const input = await body();
        const list = (Array.isArray(input) ? input : [input]) as ExchangeAction[];
        return json({ ok: true, results: list.map((a) => sim.actions.apply(a) ?? null) });
      }
      case 'POST /clock':
        return json(setClock(sim, (await body()) as { set?: string; advance?: string | number }));
      case 'GET /faults':
        return json(sim.faults.list());
      case 'PUT /faults':
      case 'POST /faults': {
        const rules = await body();
        if (!Array.isArray(rules)) throw new BadRequest('send an array of fault rules: [{ "id": "busy", "match": { "operation": "FindItem" }, "effect": { "kind": "server-busy", "backOffMs": 5000 } }]');
        sim.faults.set(rules as FaultRule[]);
        return json({ ok: true, rules: rules.length });
      }
      case 'GET /trace': {
        const since = Number(url.searchParams.get('since') ?? '0');
        return json({ totals: sim.trace.totals, entries: sim.trace.since(Number.isFinite(since) ? since : 0) });
      }
      default:
        return problem(404, `not implemented by synclab's Exchange sim control API: ${route}. Routes: GET state, GET directory, GET snapshot, POST restore, POST reset, POST actions, POST clock, GET/PUT faults, GET trace`);
    }
  } catch (error) {
    return problem(error instanceof BadRequest ? 400 : 422, (error as Error).message);
  }
}

class BadRequest extends Error {}

/** What an admin would see in the admin centre: settings and names, never a password or client secret. */
function directoryView(sim: ExchangeSim): unknown {
  const d = sim.directory;
  return {
    tenant: d.tenant,
    mailboxes: d.mailboxes(),
    serviceAccounts: d.serviceAccounts(),
    oauthApps: d.oauth.apps().map((app) => ({ clientId: app.clientId, consent: app.consent ?? null, tokenLifetimeSeconds: app.tokenLifetimeSeconds })),
  };
}

function setClock(sim: ExchangeSim, input: { set?: string; advance?: string | number } | undefined): { now: string } {
  const clock = sim.clock;
  if (!(clock instanceof ScenarioClock)) throw new BadRequest('the clock is a system clock; only a scenario clock can be set');
  if (input?.set !== undefined) clock.set(input.set);
  else if (input?.advance !== undefined) clock.advance(typeof input.advance === 'number' ? input.advance : parseDuration(input.advance));
  else throw new BadRequest('send { "set": "2026-03-02T08:00:00Z" } or { "advance": "15m" }');
  return { now: new Date(clock.now()).toISOString() };
}
