/**
 * @module
 * Every request a sim answers, in order. Scenarios count requests and writes from it (G-02: a cycle with no changes
 * makes zero writes), `--dry-run` proves nothing was written, and fired faults are listed by id.
 * Secrets never enter the trace: only the user name an auth header named, never the header itself.
 */

export interface TraceEntry {
  seq: number;
  /** Scenario time of the request, epoch ms. */
  at: number;
  sim: 'exchange' | 'salesforce';
  method: string;
  path: string;
  /** EWS operation (FindItem, …) or Salesforce resource (query, sobjects.create, composite.sobjects.update, …). */
  operation: string;
  /** Mailbox an EWS request acted on, or the Salesforce org id. */
  target?: string;
  /** Authenticated principal (user name / client id), never a credential. */
  principal?: string;
  status: number;
  /** True when the request changed server state (create, update, delete, move, login excluded). */
  write: boolean;
  /** Number of items or records the request touched, where that is meaningful. */
  items?: number;
  /** Id of the fault-schedule rule that fired on this request, if any. */
  faultId?: string;
  /** ResponseCode / errorCode of a failed request. */
  error?: string;
  /** Free-form note, e.g. "not implemented by synclab's Exchange sim: GetUserAvailability". */
  note?: string;
}

export class Trace {
  #entries: TraceEntry[] = [];
  #seq = 0;
  #limit: number;

  /** `limit` bounds memory on long rehearsals: the oldest entries are dropped, counters stay exact. */
  constructor(limit = 200_000) {
    this.#limit = limit;
  }

  readonly totals = { requests: 0, writes: 0, faults: 0 };

  record(entry: Omit<TraceEntry, 'seq'>): TraceEntry {
    const full: TraceEntry = { seq: ++this.#seq, ...entry };
    this.totals.requests++;
    if (full.write) this.totals.writes++;
    if (full.faultId) this.totals.faults++;
    this.#entries.push(full);
    if (this.#entries.length > this.#limit) this.#entries.splice(0, this.#entries.length - this.#limit);
    return full;
  }

  entries(filter?: (e: TraceEntry) => boolean): TraceEntry[] {
    return filter ? this.#entries.filter(filter) : [...this.#entries];
  }

  /** Entries recorded after sequence number `seq` (use `lastSeq()` as a bookmark). */
  since(seq: number): TraceEntry[] {
    return this.#entries.filter((e) => e.seq > seq);
  }

  lastSeq(): number {
    return this.#seq;
  }

  /** Forget everything, counters included (a sim `reset()` starts a fresh trace). Sequence numbers keep rising. */
  clear(): void {
    this.#entries = [];
    this.totals.requests = 0;
    this.totals.writes = 0;
    this.totals.faults = 0;
  }
}
