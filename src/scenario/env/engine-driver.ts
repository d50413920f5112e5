/**
 * @module
 * One engine per org, created on first use from the org's admin login and the world's Exchange credentials, with
 * its state in the scenario's temp dir. `restart` closes the engine and builds a new one over the same persisted
 * state (G-05 crash safety).
 */
import path from 'node:path';
import type { EngineConfig, EngineDeps, SyncEngine } from '../../sync/api.ts';
import type { Clock } from '../../time/clock.ts';
import type { Scenario } from '../schema.ts';
import type { EngineDriver, ExchangeDriver, SalesforceDriver } from './types.ts';

export type EngineFactory = (config: EngineConfig, deps: EngineDeps) => SyncEngine | Promise<SyncEngine>;

export function createEngineDriver(options: {
  scenario: Scenario;
  clock: Clock;
  seed: number;
  stateRoot: string;
  factory: EngineFactory;
  exchange: ExchangeDriver;
  salesforce: SalesforceDriver;
}): EngineDriver {
  const engines = new Map<string, SyncEngine>();
  const configFor = (org: string): EngineConfig => {
    const simOrg = options.salesforce.orgs().find((o) => o.id === org);
    if (!simOrg) throw new Error(`no org "${org}" in this scenario's world`);
    const spec = options.scenario.world.salesforce.orgs.find((o) => o.id === org)!;
    const ex = options.scenario.world.exchange;
    const method = spec.lightningSync?.method ?? 'service-account';
    let exchange: EngineConfig['exchange'];
    if (method === 'oauth') {
      const app = ex.oauthApps?.[0];
      if (!app) throw new Error(`org ${org} connects with OAuth but world.exchange.oauthApps is empty — add { clientId, clientSecret, consent }`);
      if (!options.exchange.urls.token) throw new Error('the Exchange sim has no token endpoint URL');
      exchange = { method: 'oauth', tokenUrl: options.exchange.urls.token, tenantId: spec.lightningSync?.oauthTenantId ?? ex.tenant?.domain ?? 'acme.test', clientId: app.clientId, clientSecret: app.clientSecret };
    } else {
      const wanted = spec.lightningSync?.serviceAccountUsername?.toLowerCase();
      const account = ex.serviceAccounts?.find((a) => !wanted || a.username.toLowerCase() === wanted || wanted.endsWith(`\\${a.username.split('@')[0]!.toLowerCase()}`)) ?? ex.serviceAccounts?.[0];
      if (!account) throw new Error(`org ${org} connects with a service account but world.exchange.serviceAccounts is empty`);
      exchange = { method: 'service-account', username: spec.lightningSync?.serviceAccountUsername ?? account.username, password: account.password };
    }
    return {
      orgLabel: org,
      salesforce: { loginUrl: simOrg.loginUrl, username: simOrg.admin.username, password: simOrg.admin.password },
      exchange,
      stateDir: path.join(options.stateRoot, org),
      options: { maxRetries: 4, maxRelogins: 1 },
    };
  };
  const engine = async (org: string): Promise<SyncEngine> => {
    let e = engines.get(org);
    if (!e) {
      e = await options.factory(configFor(org), { clock: options.clock, seed: options.seed });
      engines.set(org, e);
    }
    return e;
  };
  return {
    runCycle: async (org) => (await engine(org)).runCycle(),
    connectionTest: async (org, rep) => (await engine(org)).connectionTest(rep),
    async restart(org) {
      const e = engines.get(org);
      engines.delete(org);
      await e?.close();
    },
    async close() {
      const all = [...engines.values()];
      engines.clear();
      await Promise.allSettled(all.map((e) => e.close()));
    },
  };
}
