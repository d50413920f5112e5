/**
 * @module
 * Facts about this run for report.json: synclab/engine/sim versions, git revision, Node version.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { RunInfo } from './model.ts';

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function gitRevision(): string {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return rev || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function runInfo(input: Pick<RunInfo, 'seed' | 'shard' | 'paths'> & { versions?: { engine: string; exchange: string; salesforce: string } }): RunInfo {
  const version = packageVersion();
  return {
    synclab: version,
    engine: input.versions?.engine ?? version,
    sims: { exchange: input.versions?.exchange ?? version, salesforce: input.versions?.salesforce ?? version },
    node: process.version,
    gitRevision: gitRevision(),
    seed: input.seed,
    shard: input.shard,
    paths: input.paths,
  };
}
