/**
 * @module
 * SOQL literal helpers: every value the engine puts into a query goes through here (quotes and backslashes
 * escaped), and long IN lists are chunked so no query exceeds Salesforce's 100,000-character limit.
 */

export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** SOQL datetime literal (unquoted, UTC). */
export function soqlDateTime(iso: string | number): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`not an instant for a SOQL filter: ${String(iso)}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function soqlIn(values: string[]): string {
  return `(${values.map(soqlString).join(', ')})`;
}

/** Splits values into chunks for `IN (…)` lists. */
export function chunks<T>(values: T[], size = 300): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Minimal view of the session, so this file need not import it. */
interface QuerySession {
  call<T>(operation: string, fn: (conn: import('jsforce').Connection) => Promise<T>, options?: { idempotent?: boolean }): Promise<T>;
}

/** Every record of a query (queryMore followed by jsforce's autoFetch), attributes stripped. */
export async function queryRecords<T>(session: QuerySession, soql: string, options: { includeDeleted?: boolean } = {}): Promise<T[]> {
  const from = /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? '?';
  return session.call(
    `${options.includeDeleted ? 'queryAll' : 'query'} ${from}`,
    async (conn) => {
      const result = await conn.query<Record<string, unknown>>(soql, { autoFetch: true, maxFetch: 10_000_000, scanAll: options.includeDeleted === true });
      return result.records.map((r) => {
        const { attributes: _ignored, ...rest } = r as Record<string, unknown> & { attributes?: unknown };
        return rest as T;
      });
    },
    { idempotent: true },
  );
}
