/**
 * @module
 * The Lightning Sync connection test for one rep (CONN-09): every point of connectivity in order — org setup,
 * credentials, Autodiscover, EWS reachable, impersonation, mailbox version, Contacts (Salesforce_Sync) and Calendar —
 * each with what it found and, when it fails, what to do. Read-only: it never creates the folder or writes a status.
 */
import type { ConnectionTestResult } from './api.ts';
import { EwsError } from './exchange/ews-error.ts';
import { readOrgSetup } from './salesforce/setup-reader.ts';
import { checkEdition } from './salesforce/org-checks.ts';
import { checkIntegrationPermissions, errorReportMessage, missingPermissionsMessage } from './salesforce/permission-check.ts';
import { classifyVersion, checkEmailLinked } from './cycle/mailbox-checks.ts';
import { connectRep, ewsUrlFor } from './cycle/rep-connection.ts';
import { describeBlocker } from './cycle/rep-outcome.ts';
import type { EngineRuntime } from './cycle/runtime.ts';

type Check = ConnectionTestResult['checks'][number];

export async function runConnectionTest(rt: EngineRuntime, repEmail: string): Promise<ConnectionTestResult> {
  const checks: Check[] = [];
  const result = (): ConnectionTestResult => ({
    rep: repEmail,
    checks,
    verdict: checks.some((c) => !c.ok) ? 'Connectivity Test Failed' : checks.some((c) => c.warning) ? 'Connectivity Test Successful with Warnings' : 'Connectivity Test Successful',
  });
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(repEmail)) {
    checks.push({ name: 'Rep email address', ok: false, detail: `"${repEmail}" is not an email address`, fix: 'Pass the rep\'s mailbox address, e.g. --rep ann@acme.test.' });
    return result();
  }

  rt.session.beginCycle();
  try {
    const perms = await checkIntegrationPermissions(rt.session);
    const username = rt.config.salesforce.username;
    if (perms.checked && perms.missing.length > 0) {
      checks.push({ name: 'Salesforce permissions', ok: false, detail: missingPermissionsMessage(rt.config.orgLabel, username, perms.missing), fix: `Grant ${perms.missing.join(', ')} to ${username} (profile or permission set) (CONN-10).` });
      return result();
    }
    if (perms.checked) {
      checks.push(perms.errorReportMissing.length > 0
        ? { name: 'Salesforce permissions', ok: true, warning: true, detail: errorReportMessage(username), fix: `Grant View All Data to ${username} to read the error report (CONN-10).` }
        : { name: 'Salesforce permissions', ok: true, detail: `${username} has Customize Application, Manage Users, Manage Lightning Sync and View All Data` });
    }
  } catch (error) {
    checks.push({ name: 'Salesforce permissions', ok: false, detail: (error as Error).message, fix: 'Check salesforce.loginUrl / username / password in engine.yaml, and the org\'s API request budget.' });
    return result();
  }
  let setup;
  try {
    setup = (await readOrgSetup(rt.session, rt.objects)).setup;
    checks.push({ name: 'Lightning Sync setup', ok: true, detail: `read from org ${rt.config.orgLabel} (${setup?.ConnectionMethod ?? 'no setup record'})` });
  } catch (error) {
    checks.push({ name: 'Lightning Sync setup', ok: false, detail: (error as Error).message, fix: 'Check salesforce.loginUrl / username / password in engine.yaml and that the user has Customize Application, Manage Users and Manage Lightning Sync (CONN-10).' });
    return result();
  }
  const edition = await checkEdition(rt.session);
  if (!edition.supported) {
    checks.push({ name: 'Salesforce edition', ok: false, detail: `${edition.edition} does not include Lightning Sync`, fix: 'Lightning Sync needs Professional, Enterprise, Performance, Unlimited or Developer edition (CONN-11).' });
    return result();
  }
  const link = checkEmailLinked(repEmail, rt.config, setup);
  checks.push(link.linked ? { name: 'Email address linked', ok: true, detail: `${repEmail} is in a domain the service account serves` } : { name: 'Email address linked', ok: false, detail: link.message, fix: link.message });

  if (rt.tokens) {
    try {
      await rt.tokens.token();
      checks.push({ name: 'Credentials', ok: true, detail: 'OAuth 2.0 access token obtained (client credentials)' });
    } catch (error) {
      checks.push({ name: 'Credentials', ok: false, detail: (error as Error).message, fix: 'Check the OAuth app\'s client id and secret and that a global admin granted consent (CONN-05).' });
      return result();
    }
  }

  const gate = { until: 0 };
  try {
    const url = await ewsUrlFor(rt, setup, repEmail, gate);
    checks.push({ name: 'Autodiscover', ok: true, detail: setup?.EwsUrl ? `skipped: the org names the EWS URL ${url}` : `EWS URL ${url}` });
  } catch (error) {
    checks.push({ name: 'Autodiscover', ok: false, detail: (error as Error).message, fix: 'Check the Autodiscover URL in Lightning Sync setup and that the address has a mailbox; or set the EWS URL directly.' });
    return result();
  }

  const conn = await connectRep(rt, setup, repEmail, gate);
  let folder: string | undefined;
  try {
    folder = await conn.reader.findSyncFolder();
    checks.push({ name: 'EWS reachable', ok: true, detail: 'the EWS endpoint answered' });
    if (!rt.tokens) checks.push({ name: 'Credentials', ok: true, detail: 'the service account authenticated' });
    checks.push({ name: 'Impersonation', ok: true, detail: `the service account can act as ${repEmail}` });
  } catch (error) {
    const e = error instanceof EwsError ? error : undefined;
    const blocker = describeBlocker(error, repEmail);
    const name = e?.code === 'HttpUnauthorized' ? 'Credentials' : e?.code === 'NetworkError' || e?.code === 'Timeout' ? 'EWS reachable' : blocker.rule === 'CONN-04' ? 'Impersonation' : blocker.rule === 'CONN-06' ? 'Mailbox version' : 'EWS reachable';
    checks.push({ name, ok: false, detail: `${blocker.code}: ${blocker.message}`, fix: fixFor(name) });
    return result();
  }

  const version = conn.reader.serverVersion();
  if (!version) checks.push({ name: 'Mailbox version', ok: true, warning: true, detail: 'the server did not report ServerVersionInfo', fix: 'Check that the EWS URL points at an Exchange server.' });
  else {
    const verdict = classifyVersion(version);
    checks.push(verdict.supported ? { name: 'Mailbox version', ok: true, detail: verdict.label } : { name: 'Mailbox version', ok: false, detail: `${verdict.label} is not supported`, fix: fixFor('Mailbox version') });
  }
  checks.push(folder
    ? { name: 'Contacts folder', ok: true, detail: 'Contacts and Salesforce_Sync found' }
    : { name: 'Contacts folder', ok: true, warning: true, detail: 'Contacts reachable; Salesforce_Sync does not exist yet', fix: 'Nothing to do: the first sync creates it (CON-01). If creation fails, create it under Contacts by hand.' });
  try {
    await conn.reader.calendarReachable();
    checks.push({ name: 'Calendar folder', ok: true, detail: 'default calendar reachable' });
  } catch (error) {
    checks.push({ name: 'Calendar folder', ok: false, detail: describeBlocker(error, repEmail).message, fix: 'Check the service account\'s rights on the mailbox\'s calendar.' });
  }
  return result();
}

function fixFor(check: string): string {
  switch (check) {
    case 'Credentials': return 'Check the service account user name (UPN or DOMAIN\\user, CONN-02) and password; for Exchange Online with Basic retired use OAuth 2.0 (CONN-08).';
    case 'Impersonation': return 'Grant the service account the ApplicationImpersonation role with a management scope that includes this mailbox (CONN-04).';
    case 'Mailbox version': return 'Move the mailbox to Exchange 2013 SP1, 2016, 2019 or Exchange Online (CONN-06).';
    default: return 'Check the EWS URL / Autodiscover URL, the network path and TLS between the engine and Exchange.';
  }
}
