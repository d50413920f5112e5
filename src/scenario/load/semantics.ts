/**
 * @module
 * Checks that need the whole scenario: rule IDs exist in the catalogue, refs are defined once and before use, and
 * the orgs, mailboxes, users and configurations that steps and expectations name exist in the world.
 */
import { isKnownRule, suggestRules } from '../catalogue.ts';
import type { Scenario, ScenarioStep } from '../schema.ts';
import type { Expectation } from '../schema/expectations.ts';
import type { Explained } from './zod-issues.ts';
import { hint } from './zod-issues.ts';

export function checkSemantics(scenario: Scenario): Explained[] {
  const problems: Explained[] = [];
  const add = (path: Explained['path'], message: string) => problems.push({ path, message });

  scenario.rules.forEach((rule, i) => checkRule(rule, ['rules', i], add));

  const orgs = new Map((scenario.world.salesforce.orgs ?? []).map((org) => [org.id, org]));
  const mailboxes = new Set((scenario.world.exchange.mailboxes ?? []).map((m) => m.address.toLowerCase()));
  const refs = new Map<string, string>(); // ref → where defined
  const define = (ref: string | undefined, path: Explained['path']) => {
    if (!ref) return;
    if (refs.has(ref)) add(path, `ref "${ref}" is already defined at ${refs.get(ref)} — refs must be unique in a scenario`);
    else refs.set(ref, path.join('.'));
  };

  (scenario.world.exchange.mailboxes ?? []).forEach((mailbox, m) => {
    (mailbox.contacts ?? []).forEach((c, i) => define((c as { ref?: string }).ref, ['world', 'exchange', 'mailboxes', m, 'contacts', i, 'ref']));
    (mailbox.calendar ?? []).forEach((e, i) => define((e as { ref?: string }).ref, ['world', 'exchange', 'mailboxes', m, 'calendar', i, 'ref']));
  });
  const configsByOrg = new Map<string, Set<string>>();
  const usersByOrg = new Map<string, Set<string>>();
  scenario.world.salesforce.orgs.forEach((org, o) => {
    const base = ['world', 'salesforce', 'orgs', o];
    usersByOrg.set(org.id, new Set((org.users ?? []).map((u) => u.ref)));
    configsByOrg.set(org.id, new Set((org.configs ?? []).map((c) => c.name)));
    (org.contacts ?? []).forEach((c, i) => define((c as { ref?: string }).ref, [...base, 'contacts', i, 'ref']));
    (org.events ?? []).forEach((e, i) => define((e as { ref?: string }).ref, [...base, 'events', i, 'ref']));
    (org.accounts ?? []).forEach((a, i) => define(a.ref, [...base, 'accounts', i, 'ref']));
    (org.leads ?? []).forEach((l, i) => define(l.ref, [...base, 'leads', i, 'ref']));
    (org.configs ?? []).forEach((c, i) =>
      (c.users ?? []).forEach((u, j) => checkUser(org.id, u, [...base, 'configs', i, 'users', j])),
    );
  });
  if (new Set(scenario.world.salesforce.orgs.map((o) => o.id)).size !== scenario.world.salesforce.orgs.length) {
    add(['world', 'salesforce', 'orgs'], 'org ids must be unique');
  }

  function checkOrg(org: string, path: Explained['path'], allowAll = false): boolean {
    if (allowAll && org === 'all') return true;
    if (orgs.has(org)) return true;
    add(path, `unknown org "${org}"${hint(org, [...orgs.keys()])} — expected one of: ${[...orgs.keys()].join(', ') || '(no orgs in world.salesforce.orgs)'}`);
    return false;
  }
  function checkUser(org: string, user: string, path: Explained['path']): void {
    const users = usersByOrg.get(org);
    if (users && !users.has(user)) add(path, `unknown user "${user}" in org ${org}${hint(user, [...users])} — expected a ref from world.salesforce.orgs[].users`);
  }
  function checkMailbox(address: string, path: Explained['path']): void {
    if (!mailboxes.has(address.toLowerCase())) add(path, `unknown mailbox "${address}"${hint(address, [...mailboxes])} — expected an address from world.exchange.mailboxes`);
  }
  function checkItem(item: unknown, path: Explained['path']): void {
    if (typeof item === 'string' && !refs.has(item)) add(path, `unknown ref "${item}"${hint(item, [...refs.keys()])} — define it with ref: in the world or in an earlier create step`);
  }
  function checkConfig(org: string, config: string, path: Explained['path']): void {
    const names = configsByOrg.get(org);
    if (names && !names.has(config)) add(path, `unknown configuration "${config}" in org ${org}${hint(config, [...names])} — expected one of: ${[...names].join(', ') || '(none)'}`);
  }

  const checkStep = (step: ScenarioStep, i: number): void => {
    const p = ['steps', i, step.kind];
    const a = step.args as Record<string, any>;
    switch (step.kind) {
      case 'sync':
        checkOrg(typeof a === 'string' ? a : a.org, typeof a === 'string' ? p : [...p, 'org'], true);
        return;
      case 'advance':
      case 'advance-to':
        return;
      case 'engine.restart':
        checkOrg(step.args, p);
        return;
      case 'expect':
        step.args.forEach((e, j) => checkExpectation(e, ['steps', i, 'expect', j]));
        return;
      case 'faults':
        if (Array.isArray(a)) a.forEach((f: any, j: number) => f.org && checkOrg(f.org, [...p, j, 'org']));
        return;
    }
    if (step.kind === 'exchange.admin') {
      // Mailboxes an admin adds become known to later steps; update/remove must name one that exists by then.
      if (a.addMailbox) mailboxes.add(String(a.addMailbox.address).toLowerCase());
      const named = a.updateMailbox?.mailbox ?? a.removeMailbox;
      if (named) checkMailbox(named, [...p, a.updateMailbox ? 'updateMailbox' : 'removeMailbox']);
      return;
    }
    if (step.kind.startsWith('exchange.')) {
      checkMailbox(a.mailbox, [...p, 'mailbox']);
      if (step.kind === 'exchange.create') {
        if (!a.contact === !a.event) add(p, 'give exactly one of contact: or event:');
        define(a.contact?.ref ?? a.event?.ref, [...p, a.contact ? 'contact' : 'event', 'ref']);
      } else checkItem(a.item, [...p, 'item']);
      return;
    }
    if (!checkOrg(a.org, [...p, 'org'])) return;
    if (step.kind.startsWith('salesforce.')) {
      checkUser(a.org, a.as, [...p, 'as']);
      const targets = ['item', 'contact', 'event'].filter((k) => a[k] !== undefined);
      if (targets.length !== 1) add(p, step.kind === 'salesforce.create' ? 'give exactly one of contact: or event:' : 'give exactly one of item:, contact: or event: to say which record');
      if (step.kind === 'salesforce.create') define(a.ref, [...p, 'ref']);
      else for (const k of targets) checkItem(a[k], [...p, k]);
      return;
    }
    if (step.kind === 'admin.create-config') configsByOrg.get(a.org)?.add(a.config.name);
    if ('config' in a && typeof a.config === 'string') checkConfig(a.org, a.config, [...p, 'config']);
    for (const key of ['user', 'users'] as const) {
      const list = key === 'user' ? (a.user ? [a.user] : []) : (a.users ?? []);
      list.forEach((u: string, j: number) => checkUser(a.org, u, key === 'user' ? [...p, 'user'] : [...p, 'users', j]));
    }
    if (step.kind === 'admin.connection-test') define(a.ref, [...p, 'ref']);
  };

  function checkExpectation(e: Expectation, path: Explained['path']): void {
    const p = [...path, e.kind];
    const a = e.args as Record<string, any>;
    e.rules?.forEach((rule, i) => checkRule(rule, [...path, 'rules', i], add));
    if (e.kind === 'finding' && a.rule) checkRule(a.rule, [...p, 'rule'], add);
    if (a.org && e.kind !== 'finding') checkOrg(a.org, [...p, 'org']);
    if (a.mailbox) checkMailbox(a.mailbox, [...p, 'mailbox']);
    if (a.ref) checkItem(a.ref, [...p, 'ref']);
    if (e.kind === 'salesforce.user-status' && orgs.has(a.org)) checkUser(a.org, a.user, [...p, 'user']);
    if (a.absent && a.count !== undefined) add(p, 'give absent: or count:, not both');
    if (e.kind === 'engine.status' && !a.system && !a.contacts && !a.events) add(p, 'give at least one of system:, contacts:, events: — the statuses to check');
    if (e.kind === 'backoff' && !faultIds.has(a.fault)) {
      add([...p, 'fault'], `no faults: entry with id "${a.fault}"${hint(a.fault, [...faultIds])} — the back-off check needs the id of a server-busy or http-503 fault`);
    }
  }

  const faultIds = new Set(scenario.steps.flatMap((st) => (st.kind === 'faults' && Array.isArray(st.args) ? st.args.map((f) => f.id) : [])));
  scenario.steps.forEach(checkStep);
  scenario.expect.forEach((e, i) => checkExpectation(e, ['expect', i]));
  return problems;
}

function checkRule(rule: string, path: Explained['path'], add: (path: Explained['path'], message: string) => void): void {
  if (isKnownRule(rule)) return;
  const suggestions = suggestRules(rule);
  add(path, `unknown rule "${rule}"${suggestions.length ? ` (did you mean ${suggestions.join(' or ')}?)` : ''} — expected a SPEC ID like CON-04, EVT-03, G-02`);
}
