/**
 * Shared setup for the Exchange sim contract suite: a small tenant, a sim on port 0, and an ews-javascript-api
 * ExchangeService impersonating a rep through it (the real client, over a real socket).
 */
import {
  ConnectingIdType,
  ExchangeService,
  ExchangeVersion,
  ImpersonatedUserId,
  Uri,
  WebCredentials,
} from 'ews-javascript-api';
import { ScenarioClock } from '../../../src/time/clock.ts';
import { startExchangeSim, type ExchangeSim } from '../../../sim/exchange/index.ts';
import type { ExchangeWorld } from '../../../sim/exchange/world.ts';

export const SVC = { user: 'svc-sync@acme.test', password: 'Svc&<pass>1' };
export const REP = 'rep1@acme.test';
export const T0 = '2026-03-02T08:00:00Z';

export function testWorld(overrides: Partial<ExchangeWorld> = {}): ExchangeWorld {
  return {
    tenant: { domain: 'acme.test', version: 'Exchange2019' },
    serviceAccounts: [{ username: SVC.user, password: SVC.password, impersonation: { recipientFilter: "Department -eq 'Sales'" } }],
    mailboxes: [
      { address: REP, displayName: 'Rep One', department: 'Sales', salesforceSyncFolder: true },
      { address: 'rep2@acme.test', displayName: 'Rep Two', department: 'Sales' },
      { address: 'fin@acme.test', displayName: 'Fin Ance', department: 'Finance' },
    ],
    ...overrides,
  };
}

export async function startSim(world: ExchangeWorld = testWorld(), seed = 7): Promise<{ sim: ExchangeSim; clock: ScenarioClock }> {
  const clock = new ScenarioClock(T0);
  const sim = await startExchangeSim({ clock, seed, world });
  return { sim, clock };
}

export function service(sim: ExchangeSim, mailbox = REP, version = ExchangeVersion.Exchange2013_SP1): ExchangeService {
  const svc = new ExchangeService(version);
  svc.Url = new Uri(sim.urls.ews);
  svc.Credentials = new WebCredentials(SVC.user, SVC.password);
  svc.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox);
  return svc;
}

/** ews-javascript-api rejects with non-Error objects; this catches whatever it throws. */
export async function caught(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to be rejected, but it resolved');
}
