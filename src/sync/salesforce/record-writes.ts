/**
 * @module
 * Writes to Salesforce through sObject Collections (≤ 200 records a request, allOrNone false: one result per record,
 * SIM-SF-02). Records that fail with UNABLE_TO_LOCK_ROW are retried (bounded, scenario-time back-off); every other
 * per-record failure comes back to the apply step, which records a LightningSyncError for it (ERR-01). After a batch
 * the new SystemModstamps are read back in one query, so the pairing stores the version the engine itself wrote.
 */
import type { SalesforceSession } from './sf-session.ts';
import { OrgPausedError, toSalesforceError } from './sf-error.ts';
import { chunks, queryRecords, soqlIn } from './soql.ts';

export type RecordResult =
  | { ok: true; id: string; systemModstamp: string }
  | { ok: false; code: string; message: string; fields: string[] };

interface SaveResult {
  id?: string;
  success: boolean;
  errors?: Array<{ statusCode?: string; errorCode?: string; message?: string; fields?: string[] }>;
}

export interface WriteOptions {
  batchSize: number;
  maxRetries: number;
  /** Read the new SystemModstamps back (default true; off for records the engine never pairs, e.g. errors). */
  readBack?: boolean;
}

type Op = 'create' | 'update' | 'destroy';

export async function createRecords(session: SalesforceSession, type: string, records: Record<string, unknown>[], options: WriteOptions): Promise<RecordResult[]> {
  return writeAll(session, type, 'create', records, options, options.readBack !== false);
}

export async function updateRecords(session: SalesforceSession, type: string, records: Array<Record<string, unknown> & { Id: string }>, options: WriteOptions): Promise<RecordResult[]> {
  return writeAll(session, type, 'update', records, options, options.readBack !== false);
}

export async function deleteRecords(session: SalesforceSession, type: string, ids: string[], options: WriteOptions): Promise<RecordResult[]> {
  const results = await writeAll(session, type, 'destroy', ids.map((Id) => ({ Id })), options, false);
  // Deleting what is already gone is what we wanted.
  return results.map((r, i) => (!r.ok && r.code === 'ENTITY_IS_DELETED' ? { ok: true, id: ids[i]!, systemModstamp: '' } : r));
}

async function writeAll(
  session: SalesforceSession,
  type: string,
  op: Op,
  records: Record<string, unknown>[],
  options: WriteOptions,
  readBack = true,
): Promise<RecordResult[]> {
  const results: RecordResult[] = new Array(records.length);
  let pending = records.map((_, i) => i);
  for (let attempt = 0; pending.length > 0; attempt++) {
    const locked: number[] = [];
    for (const batch of chunks(pending, Math.min(200, options.batchSize))) {
      const saved = await sendBatch(session, type, op, batch.map((i) => records[i]!));
      saved.forEach((result, k) => {
        const index = batch[k]!;
        if (result.success) {
          results[index] = { ok: true, id: String(result.id ?? records[index]!.Id), systemModstamp: '' };
          return;
        }
        const first = result.errors?.[0] ?? {};
        const code = first.statusCode ?? first.errorCode ?? 'UNKNOWN_ERROR';
        if (code === 'UNABLE_TO_LOCK_ROW' && attempt < options.maxRetries) locked.push(index);
        else results[index] = { ok: false, code, message: first.message ?? code, fields: first.fields ?? [] };
      });
    }
    pending = locked;
    if (pending.length > 0) await session.backOff(attempt);
  }
  if (readBack && op !== 'destroy') await fillModstamps(session, type, results);
  return results;
}

async function sendBatch(session: SalesforceSession, type: string, op: Op, records: Record<string, unknown>[]): Promise<SaveResult[]> {
  try {
    return await session.call(`composite.sobjects.${op} ${type}`, async (conn) => {
      const sobject = conn.sobject(type);
      const out =
        op === 'create'
          ? await sobject.create(records, { allOrNone: false })
          : op === 'update'
            ? await sobject.update(records as Array<Record<string, unknown> & { Id: string }>, { allOrNone: false })
            : await sobject.destroy(records.map((r) => String(r.Id)), { allOrNone: false });
      return out as unknown as SaveResult[];
    });
  } catch (raw) {
    // A failure of the whole request (not per record) fails every record of the batch with that error.
    if (raw instanceof OrgPausedError) throw raw;
    const error = toSalesforceError(raw);
    return records.map(() => ({ success: false, errors: [{ statusCode: error.code, message: error.message, fields: error.fields }] }));
  }
}

async function fillModstamps(session: SalesforceSession, type: string, results: RecordResult[]): Promise<void> {
  const ok = results.filter((r): r is Extract<RecordResult, { ok: true }> => r?.ok === true);
  const byId = new Map<string, string>();
  for (const chunk of chunks(ok.map((r) => r.id))) {
    const rows = await queryRecords<{ Id: string; SystemModstamp: string }>(session, `SELECT Id, SystemModstamp FROM ${type} WHERE Id IN ${soqlIn(chunk)}`);
    for (const row of rows) byId.set(row.Id, new Date(Date.parse(String(row.SystemModstamp).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))).toISOString());
  }
  for (const r of ok) r.systemModstamp = byId.get(r.id) ?? '';
}
