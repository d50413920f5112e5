/**
 * @module
 * `synclab serve`: starts the Exchange and Salesforce simulators on 127.0.0.1 with the demo world (or a scenario's
 * world with --scenario) for manual exploration or another tool. With --json it prints exactly ONE JSON line on
 * stdout once ready (URLs and demo credentials — printed on purpose, it is a local simulator); logs go to stderr.
 * Serves until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { SystemClock, toEpochMs, type Clock } from '../time/clock.ts';
import { loadScenarioFile, formatProblem, ScenarioValidationError } from '../scenario/load.ts';
import { fillUrls } from '../scenario/env/environment.ts';
import type { ExchangeWorld } from '../../sim/exchange/world.ts';
import type { SalesforceWorld } from '../../sim/salesforce/world.ts';

export const summary = 'start the Exchange and Salesforce simulators with a demo world (or a scenario\'s world)';

const HELP = `Usage: synclab serve [--json] [--scenario FILE] [--seed N]

Starts both simulators on 127.0.0.1 (random ports) and serves until Ctrl-C / SIGTERM.
  --json           print exactly one JSON line on stdout when ready (URLs, service account, orgs with admin logins)
  --scenario FILE  serve that scenario's world; its clock starts at the scenario's start instant and then runs
  --seed N         seed for the demo world's faker data (default 1; with --scenario: the scenario's seed)
  -h, --help       show this help
`;

/** Starts at `start` and runs at wall speed: a served scenario world begins at its own "now". */
class RunningClock implements Clock {
  readonly #offset: number;
  constructor(start: number) {
    this.#offset = start - Date.now();
  }
  now(): number {
    return Date.now() + this.#offset;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, scenario: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`synclab serve: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const seedArg = values.seed === undefined ? undefined : Number(values.seed);
  if (seedArg !== undefined && !(Number.isInteger(seedArg) && seedArg >= 0)) {
    process.stderr.write(`synclab serve: --seed "${values.seed}" is not a seed — expected a whole number ≥ 0\n`);
    return 2;
  }
  const exchangeSim = await import('../../sim/exchange/index.ts');
  const salesforceSim = await import('../../sim/salesforce/index.ts');

  let clock: Clock = new SystemClock();
  let seed = seedArg ?? 1;
  let exWorld: ExchangeWorld;
  let sfWorld: SalesforceWorld;
  if (values.scenario) {
    try {
      const scenario = await loadScenarioFile(values.scenario);
      seed = seedArg ?? scenario.seed;
      clock = new RunningClock(toEpochMs(scenario.clock.start));
      exWorld = scenario.world.exchange;
      sfWorld = scenario.world.salesforce;
    } catch (error) {
      if (error instanceof ScenarioValidationError) {
        for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
        return 2;
      }
      throw error;
    }
  } else {
    exWorld = exchangeSim.buildDemoExchangeWorld(seed);
    sfWorld = salesforceSim.buildDemoSalesforceWorld(seed, inScope(exWorld).mailboxes);
  }

  const ex = await exchangeSim.startExchangeSim({ clock, seed, world: exWorld });
  let sf;
  try {
    sf = await salesforceSim.startSalesforceSim({
      clock,
      seed,
      world: { orgs: sfWorld.orgs.map((org) => ({ ...org, lightningSync: fillUrls(org.lightningSync, ex.urls) })) },
    });
  } catch (error) {
    await ex.close();
    throw error;
  }
  const account = exWorld.serviceAccounts?.[0];
  const scope = inScope(exWorld);
  const ready = {
    exchange: {
      ewsUrl: ex.urls.ews,
      autodiscoverUrl: ex.urls.autodiscover,
      tokenUrl: ex.urls.token,
      serviceAccount: account ? { username: account.username, password: account.password } : null,
      mailboxes: scope.mailboxes,
      outOfScope: scope.outOfScope,
    },
    salesforce: {
      orgs: sf.orgs.map((o) => ({ id: o.id, kind: o.kind, orgId: o.orgId, loginUrl: o.loginUrl, instanceUrl: o.instanceUrl, admin: { username: o.admin.username, password: o.admin.password } })),
    },
  };
  if (values.json) process.stdout.write(`${JSON.stringify(ready)}\n`);
  else {
    const lines = [
      `Exchange EWS      ${ready.exchange.ewsUrl}`,
      `Autodiscover      ${ready.exchange.autodiscoverUrl}`,
      `Token endpoint    ${ready.exchange.tokenUrl}`,
      ...(account ? [`Service account   ${account.username} / ${account.password}`] : []),
      `Mailboxes         ${scope.mailboxes.join(', ')}`,
      ...(scope.outOfScope.length ? [`Out of scope      ${scope.outOfScope.join(', ')}`] : []),
      ...ready.salesforce.orgs.map((o) => `Salesforce ${o.id.padEnd(6)} ${o.loginUrl}  (${o.kind}; admin ${o.admin.username} / ${o.admin.password})`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  process.stderr.write(`synclab serve: ready${values.scenario ? ` with ${values.scenario}` : ' with the demo world'} (seed ${seed}); Ctrl-C to stop\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`synclab serve: ${signal}, shutting down\n`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await Promise.allSettled([ex.close(), sf.close()]);
  return 0;
}

/** Mailboxes the demo service account may impersonate (its filter is Department -eq 'Sales') and the others. */
function inScope(world: ExchangeWorld): { mailboxes: string[]; outOfScope: string[] } {
  const filter = world.serviceAccounts?.[0]?.impersonation?.recipientFilter ?? '';
  const department = /Department\s+-eq\s+'([^']+)'/i.exec(filter)?.[1];
  const all = world.mailboxes ?? [];
  if (!department) return { mailboxes: all.map((m) => m.address), outOfScope: [] };
  return {
    mailboxes: all.filter((m) => m.department === department).map((m) => m.address),
    outOfScope: all.filter((m) => m.department !== department).map((m) => m.address),
  };
}
