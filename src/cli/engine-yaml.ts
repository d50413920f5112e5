/**
 * @module
 * Loads engine.yaml (docs/engine-config.md) into EngineConfigs: one org, or several under `orgs:` sharing top-level
 * defaults. `${NAME}` in any string is replaced by the environment variable NAME, so passwords need not sit in the
 * file. Every problem is reported with its path in the file and what to write instead.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { EngineConfig } from '../sync/api.ts';

const salesforce = z.object({
  loginUrl: z.string().url(),
  username: z.string().min(1),
  password: z.string(),
  apiVersion: z.string().regex(/^\d+\.\d$/, 'apiVersion looks like 62.0').optional(),
  oauth: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }).strict().optional(),
}).strict();

const exchange = z.discriminatedUnion('method', [
  z.object({ method: z.literal('service-account'), username: z.string().min(1), password: z.string(), auth: z.enum(['basic', 'ntlm']).optional() }).strict(),
  z.object({ method: z.literal('oauth'), tokenUrl: z.string().min(1), tenantId: z.string().min(1), clientId: z.string().min(1), clientSecret: z.string().min(1) }).strict(),
]);

const options = z.object({
  ewsTimeoutMs: z.number().int().positive().optional(),
  maxRetries: z.number().int().min(0).max(20).optional(),
  maxRelogins: z.number().int().min(0).max(5).optional(),
  ewsBatchSize: z.number().int().min(1).max(100).optional(),
  sfBatchSize: z.number().int().min(1).max(200).optional(),
  dryRun: z.boolean().optional(),
  recordActions: z.boolean().optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  workers: z.number().int().min(0).max(64).optional(),
  objects: z.object({ setup: z.string(), config: z.string(), assignment: z.string(), error: z.string(), userStatus: z.string() }).partial().strict().optional(),
}).strict();

const orgEntry = z.object({
  org: z.string().min(1),
  salesforce: salesforce.optional(),
  exchange: exchange.optional(),
  stateDir: z.string().optional(),
  options: options.optional(),
}).strict();

const file = z.object({
  org: z.string().min(1).optional(),
  salesforce: salesforce.optional(),
  exchange: exchange.optional(),
  stateDir: z.string().optional(),
  options: options.optional(),
  orgs: z.array(orgEntry).min(1).optional(),
}).strict();

export class EngineYamlError extends Error {
  override readonly name = 'EngineYamlError';
}

/** Reads and validates engine.yaml. Relative stateDir paths are relative to the file; `stateOverride` wins. */
export async function loadEngineYaml(file_: string, stateOverride?: string): Promise<EngineConfig[]> {
  let text: string;
  try {
    text = await readFile(file_, 'utf8');
  } catch (error) {
    throw new EngineYamlError(`cannot read ${file_}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; pass --config path/to/engine.yaml`);
  }
  let raw: unknown;
  try {
    raw = expandEnv(parse(text), file_, []);
  } catch (error) {
    throw error instanceof EngineYamlError ? error : new EngineYamlError(`${file_}: not valid YAML: ${(error as Error).message}`);
  }
  const parsed = file.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new EngineYamlError(`${file_} is not a valid engine.yaml (see docs/engine-config.md):\n${lines.join('\n')}`);
  }
  const top = parsed.data;
  const entries = top.orgs ?? [{ org: top.org ?? '' }];
  const base = path.dirname(path.resolve(file_));
  return entries.map((entry, i) => {
    const where = top.orgs ? `orgs[${i}] (${entry.org})` : 'top level';
    const sf = entry.salesforce ?? top.salesforce;
    const ex = entry.exchange ?? top.exchange;
    if (!entry.org) throw new EngineYamlError(`${file_}: ${where}: "org" is missing (a label such as prod or uat)`);
    if (!sf) throw new EngineYamlError(`${file_}: ${where}: "salesforce" is missing (loginUrl, username, password)`);
    if (!ex) throw new EngineYamlError(`${file_}: ${where}: "exchange" is missing (method service-account or oauth)`);
    const stateDir = stateOverride ?? entry.stateDir ?? top.stateDir ?? '.synclab/state';
    return {
      orgLabel: entry.org,
      salesforce: sf,
      exchange: ex,
      stateDir: path.resolve(base, stateDir),
      options: { ...(top.options ?? {}), ...(entry.options ?? {}) },
    } as EngineConfig;
  });
}

/** Picks one org by label, or all when no label is given. */
export function pickOrgs(configs: EngineConfig[], label: string | undefined): EngineConfig[] {
  if (!label) return configs;
  const found = configs.filter((c) => c.orgLabel === label);
  if (found.length === 0) throw new EngineYamlError(`no org "${label}" in engine.yaml; it has ${configs.map((c) => `"${c.orgLabel}"`).join(', ')}`);
  return found;
}

function expandEnv(value: unknown, file_: string, at: Array<string | number>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
      const v = process.env[name];
      if (v === undefined) throw new EngineYamlError(`${file_}: ${at.join('.')}: environment variable ${name} is not set (referenced as \${${name}})`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => expandEnv(v, file_, [...at, i]));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandEnv(v, file_, [...at, k])]));
  return value;
}
