/**
 * @module
 * One org's records in memory: every row by id (deleted rows stay, IsDeleted = true, as the recycle bin), the delete
 * log that `deleted` reads, and a journal so sObject Collections with allOrNone can roll back every write of a
 * request. Rows hold REST-form values keyed by canonical field names (datetimes as ISO strings ending in Z).
 */

export type Row = Record<string, unknown>;

export interface StoredRecord {
  type: string;
  row: Row;
}

export interface DeleteLogEntry {
  id: string;
  type: string;
  /** Epoch ms (scenario time). */
  deletedAt: number;
}

export interface StoreState {
  records: Map<string, StoredRecord>;
  deleteLog: DeleteLogEntry[];
}

/** Undo information for one request: the prior version of every touched row (undefined = did not exist). */
export interface Journal {
  before: Map<string, StoredRecord | undefined>;
  deleteLogLength: number;
}

export class RecordStore {
  #records = new Map<string, StoredRecord>();
  /** Per-type index so scans of one object do not walk the whole org. */
  #byType = new Map<string, Set<string>>();
  #deleteLog: DeleteLogEntry[] = [];
  #journal: Journal | undefined;

  get(id: string): StoredRecord | undefined {
    return this.#records.get(id);
  }

  /** Every row of a type, deleted ones included (callers filter IsDeleted). Insertion order. */
  *rowsOf(type: string): Iterable<Row> {
    const ids = this.#byType.get(type);
    if (!ids) return;
    for (const id of ids) {
      const rec = this.#records.get(id);
      if (rec) yield rec.row;
    }
  }

  count(type: string, includeDeleted = false): number {
    let n = 0;
    for (const row of this.rowsOf(type)) if (includeDeleted || row.IsDeleted !== true) n++;
    return n;
  }

  put(type: string, row: Row): void {
    const id = row.Id as string;
    this.#remember(id);
    this.#records.set(id, { type, row });
    let ids = this.#byType.get(type);
    if (!ids) this.#byType.set(type, (ids = new Set()));
    ids.add(id);
  }

  /** Removes a row for good (used by rollbacks and by the recycle-bin purge; not by a DELETE, which soft-deletes). */
  purge(id: string): void {
    const rec = this.#records.get(id);
    if (!rec) return;
    this.#remember(id);
    this.#records.delete(id);
    this.#byType.get(rec.type)?.delete(id);
  }

  logDelete(entry: DeleteLogEntry): void {
    this.#deleteLog.push(entry);
  }

  deleteLog(): readonly DeleteLogEntry[] {
    return this.#deleteLog;
  }

  /** Starts journaling writes; `rollback()` undoes everything since, `commit()` keeps it. Not nestable. */
  begin(): void {
    this.#journal = { before: new Map(), deleteLogLength: this.#deleteLog.length };
  }

  commit(): void {
    this.#journal = undefined;
  }

  rollback(): void {
    const journal = this.#journal;
    this.#journal = undefined;
    if (!journal) return;
    for (const [id, prior] of journal.before) {
      const current = this.#records.get(id);
      if (current) this.#byType.get(current.type)?.delete(id);
      this.#records.delete(id);
      if (prior) this.put(prior.type, prior.row);
    }
    this.#deleteLog.length = journal.deleteLogLength;
  }

  #remember(id: string): void {
    const journal = this.#journal;
    if (!journal || journal.before.has(id)) return;
    const current = this.#records.get(id);
    journal.before.set(id, current ? { type: current.type, row: { ...current.row } } : undefined);
  }

  exportState(): StoreState {
    return structuredClone({ records: this.#records, deleteLog: this.#deleteLog });
  }

  importState(state: StoreState): void {
    const copy = structuredClone(state);
    this.#records = new Map();
    this.#byType = new Map();
    this.#journal = undefined;
    for (const rec of copy.records.values()) this.put(rec.type, rec.row);
    this.#deleteLog = copy.deleteLog;
  }
}
