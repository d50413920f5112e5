/**
 * @module
 * Before any rep syncs, the engine learns each mailbox's server (one cheap FindFolder per mailbox it has not seen
 * since it started, which also answers CON-01's "does Salesforce_Sync exist"): supported version (CONN-06) and, over
 * all mailboxes of the org, whether the deployment is hybrid (CONN-07) — in which case nobody syncs, rather than half.
 */
import type { SetupRecord } from '../salesforce/setup-reader.ts';
import { EwsError } from '../exchange/ews-error.ts';
import { classifyVersion, detectHybrid, type VersionVerdict } from './mailbox-checks.ts';
import { connectRep } from './rep-connection.ts';
import { describeBlocker, type Blocker } from './rep-outcome.ts';
import { storeFor, type EngineRuntime } from './runtime.ts';

export interface ProbeResult {
  verdict?: VersionVerdict;
  blocker?: Blocker;
}

export async function probeMailboxes(rt: EngineRuntime, setup: SetupRecord | undefined, mailboxes: string[]): Promise<Map<string, ProbeResult>> {
  const results = new Map<string, ProbeResult>();
  await forEachLimited(mailboxes, rt.options.concurrency, async (mailbox) => {
    results.set(mailbox.toLowerCase(), await probeOne(rt, setup, mailbox));
  });
  return results;
}

async function probeOne(rt: EngineRuntime, setup: SetupRecord | undefined, mailbox: string): Promise<ProbeResult> {
  const key = mailbox.toLowerCase();
  let version = rt.versions.get(key);
  if (!version) {
    const store = await storeFor(rt, mailbox);
    const gate = { until: store.state.backOffUntil ?? 0 };
    try {
      const conn = await connectRep(rt, setup, mailbox, gate);
      const folder = await conn.reader.findSyncFolder();
      if (!folder) rt.folderMissing.add(key);
      if (folder && store.state.syncFolderId !== folder && !rt.options.dryRun) {
        store.update((s) => (s.syncFolderId = folder));
        await store.flush();
      }
      version = conn.reader.serverVersion();
      if (version) rt.versions.set(key, version);
    } catch (error) {
      const blocker = describeBlocker(error, mailbox);
      if (error instanceof EwsError && /server version is invalid|ErrorInvalidServerVersion|RequestServerVersion/i.test(`${error.code} ${error.message}`)) {
        return { blocker: describeBlocker(new EwsError('ErrorInvalidServerVersion', error.message), mailbox) };
      }
      return { blocker };
    } finally {
      if (gate.until > (store.state.backOffUntil ?? 0) && !rt.options.dryRun) {
        store.update((s) => (s.backOffUntil = gate.until));
        await store.flush();
      }
    }
  }
  if (!version) return {}; // the server did not say (a real server always does): treat as supported
  const verdict = classifyVersion(version);
  if (!verdict.supported) {
    return {
      verdict,
      blocker: { code: 'UnsupportedMailboxVersion', rule: 'CONN-06', finding: 'unsupported-mailbox', status: { MailboxSupportedVersion: false },
        message: `${mailbox} is on ${verdict.label}, which Lightning Sync does not support (Exchange 2013 SP1, 2016, 2019 or Online): move the mailbox to a supported server.` },
    };
  }
  return { verdict };
}

/** CONN-07 over the probed mailboxes (and Autodiscover's UserMSOnline where it answered). */
export function hybridVerdict(rt: EngineRuntime, probes: Map<string, ProbeResult>): { hybrid: boolean; message: string } {
  const kinds = new Map<string, 'online' | 'on-premises'>();
  for (const [mailbox, probe] of probes) if (probe.verdict) kinds.set(mailbox, probe.verdict.kind);
  for (const [mailbox, online] of rt.online) if (probes.has(mailbox)) kinds.set(mailbox, online ? 'online' : 'on-premises');
  const h = detectHybrid(kinds);
  return {
    hybrid: h.hybrid,
    message: h.hybrid
      ? `Hybrid Exchange deployment: ${h.online.length} mailbox(es) in Exchange Online (e.g. ${h.online[0]}) and ${h.onPremises.length} on premises (e.g. ${h.onPremises[0]}). Lightning Sync does not support hybrid deployments (CONN-07); no rep of this org syncs until all mailboxes are on one side.`
      : '',
  };
}

export async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
