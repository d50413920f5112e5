/**
 * @module
 * Exchange server versions: what ServerVersionInfo says for each (SIM-EX-06) and which RequestServerVersion values a
 * server accepts. The engine reads ServerVersionInfo to tell supported servers from a legacy 2010 mailbox (CONN-06).
 */
import type { ExchangeVersionName } from '../world.ts';

export interface ServerVersionInfo {
  majorVersion: number;
  minorVersion: number;
  majorBuildNumber: number;
  minorBuildNumber: number;
  /** The schema version string the server reports (Version attribute). */
  version: string;
}

/** Builds real servers report (2013 SP1 CU4 = 15.0.847.32; 2016 CU23; 2019 CU14; Online's 15.20 ring). */
export const SERVER_VERSIONS: Record<ExchangeVersionName, ServerVersionInfo> = {
  Exchange2010: { majorVersion: 14, minorVersion: 3, majorBuildNumber: 123, minorBuildNumber: 4, version: 'Exchange2010_SP2' },
  Exchange2013_SP1: { majorVersion: 15, minorVersion: 0, majorBuildNumber: 847, minorBuildNumber: 32, version: 'Exchange2013_SP1' },
  Exchange2016: { majorVersion: 15, minorVersion: 1, majorBuildNumber: 2507, minorBuildNumber: 6, version: 'V2017_07_11' },
  Exchange2019: { majorVersion: 15, minorVersion: 2, majorBuildNumber: 1118, minorBuildNumber: 7, version: 'V2017_07_11' },
  ExchangeOnline: { majorVersion: 15, minorVersion: 20, majorBuildNumber: 7741, minorBuildNumber: 18, version: 'V2018_01_08' },
};

/**
 * RequestServerVersion values in ascending order, exactly as ews-javascript-api 0.15.3 writes them
 * (client-probe §3.8). A server accepts every value up to and including its own schema version.
 */
export const REQUEST_VERSION_ORDER = [
  'Exchange2007',
  'Exchange2007_SP1',
  'Exchange2010',
  'Exchange2010_SP1',
  'Exchange2010_SP2',
  'Exchange2013',
  'Exchange2013_SP1',
  'Exchange2015',
  'Exchange2016',
  'V2015_10_05',
  'V2016_01_06',
  'V2016_04_13',
  'V2016_07_13',
  'V2016_10_10',
  'V2017_01_07',
  'V2017_04_14',
  'V2017_07_11',
  'V2017_10_09',
  'V2018_01_08',
] as const;

/** Highest request version each server accepts. On-premises 2016/2019 stop at V2017_07_11; Online takes all. */
const MAX_ACCEPTED: Record<ExchangeVersionName, string> = {
  Exchange2010: 'Exchange2010_SP2',
  Exchange2013_SP1: 'Exchange2013_SP1',
  Exchange2016: 'V2017_07_11',
  Exchange2019: 'V2017_07_11',
  ExchangeOnline: 'V2018_01_08',
};

export type VersionCheck = { ok: true } | { ok: false; reason: string };

/** Whether a server of version `server` answers a request that says RequestServerVersion=`requested`. */
export function checkRequestVersion(server: ExchangeVersionName, requested: string | undefined): VersionCheck {
  // Exchange treats a missing RequestServerVersion as the oldest schema (2007 SP1): always accepted.
  if (requested === undefined) return { ok: true };
  const rank = (REQUEST_VERSION_ORDER as readonly string[]).indexOf(requested);
  if (rank < 0) {
    return { ok: false, reason: `RequestServerVersion "${requested}" is not a known Exchange schema version.` };
  }
  const max = (REQUEST_VERSION_ORDER as readonly string[]).indexOf(MAX_ACCEPTED[server]);
  if (rank > max) {
    return {
      ok: false,
      reason: `The specified server version is invalid: the mailbox server (${server}) supports request versions up to ${MAX_ACCEPTED[server]}, the request asked for ${requested}.`,
    };
  }
  return { ok: true };
}
