/**
 * @module
 * One org's records in memory: every row by id (deleted rows stay, IsDeleted = true, as the recycle bin), the delete
 * log that `deleted` reads, and a journal so sObject Collections with allOrNone can roll back every write of a
 * request. Rows hold REST-form values keyed by canonical field names (datetimes as ISO strings ending in Z).
 */

import { adoptRow, copyRow, typeOfRow } from './row.ts';
import { addTo, FOLDED, folded, indexedValue, removeFrom, type ValueIndex } from './value-index.ts';
import { schemaFor } from './schema/index.ts';

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

/**
 * Fields whose values repeat across many rows (owners, audit users, accounts, datetimes that share a scenario
 * millisecond): each row would otherwise hold its own copy of the same string, 1.4 M times in a large rehearsal.
 */
const SHARED_VALUE_FIELDS = [
  'OwnerId', 'CreatedById', 'LastModifiedById', 'AccountId', 'WhatId', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp',
  'ActivityDate', 'ActivityDateTime', 'StartDateTime', 'EndDateTime', 'RecurrenceStartDateTime', 'RecurrenceEndDateOnly',
];

/** Types whose changes can alter someone's permissions (see `setupVersion`). */
const PERMISSION_TYPES = new Set(['User', 'Profile', 'PermissionSet', 'PermissionSetAssignment']);

export class RecordStore {
  /** Bumped on every write to a permission-bearing type, so permission lookups can be cached between such writes. */
  setupVersion = 0;
  /**
   * Rows by id. The type is not kept beside each row (a {type, row} object per record is ~46 MB for a large
   * rehearsal): a row made by `newRow` knows it from its prototype, and the few plain rows (tests, old snapshots)
   * are listed in `#plainTypes`.
   */
  #rows = new Map<string, Row>();
  #plainTypes = new Map<string, string>();
  /** Per-type index so scans of one object do not walk the whole org. */
  #byType = new Map<string, Set<string>>();
  #deleteLog: DeleteLogEntry[] = [];
  #journal: Journal | undefined;
  /** Equality indexes, built on first use per (type, field) and kept up to date by every write. */
  #indexes = new Map<string, Map<string, ValueIndex>>();
  #shared = new Map<string, string>();

  get(id: string): StoredRecord | undefined {
    return this.#record(id);
  }

  #record(id: string): StoredRecord | undefined {
    const row = this.#rows.get(id);
    if (row === undefined) return undefined;
    return { type: this.#plainTypes.get(id) ?? typeOfRow(row)!, row };
  }

  #forget(id: string): void {
    this.#rows.delete(id);
    this.#plainTypes.delete(id);
  }

  /** Every row of a type, deleted ones included (callers filter IsDeleted). Insertion order. */
  *rowsOf(type: string): Iterable<Row> {
    const ids = this.#byType.get(type);
    if (!ids) return;
    for (const id of ids) {
      const row = this.#rows.get(id);
      if (row) yield row;
    }
  }

  /**
   * Rows of `type` whose `field` equals `value` (deleted ones included), through an index: lookups by OwnerId,
   * AccountId, EventId… stay O(matches) on orgs with hundreds of thousands of records. `foldCase` compares text the
   * way SOQL does (`Email = 'X'` matches x): a separate index of lower-cased values, for `Name IN (…)` and the like.
   */
  *rowsWhere(type: string, field: string, value: unknown, options: { foldCase?: boolean } = {}): Iterable<Row> {
    const fold = options.foldCase === true;
    const key = fold ? folded(value) : value;
    const ids = this.#index(type, field, fold).get(key);
    if (ids === undefined) return;
    for (const id of typeof ids === 'string' ? [ids] : [...ids]) {
      const row = this.#rows.get(id);
      if (!row) continue;
      const current = row[field];
      if (fold ? folded(current) === key : current === value) yield row;
    }
  }

  #index(type: string, field: string, fold = false): ValueIndex {
    let byField = this.#indexes.get(type);
    if (!byField) this.#indexes.set(type, (byField = new Map()));
    const name = fold ? `${field}${FOLDED}` : field;
    let index = byField.get(name);
    if (!index) {
      index = new Map();
      byField.set(name, index);
      for (const row of this.rowsOf(type)) addTo(index, fold ? folded(row[field]) : row[field], row.Id as string);
    }
    return index;
  }

  #unindex(type: string, row: Row): void {
    const byField = this.#indexes.get(type);
    if (!byField) return;
    for (const [name, index] of byField) removeFrom(index, indexedValue(name, row), row.Id as string);
  }

  #reindex(type: string, row: Row): void {
    const byField = this.#indexes.get(type);
    if (!byField) return;
    for (const [name, index] of byField) addTo(index, indexedValue(name, row), row.Id as string);
  }

  count(type: string, includeDeleted = false): number {
    let n = 0;
    for (const row of this.rowsOf(type)) if (includeDeleted || row.IsDeleted !== true) n++;
    return n;
  }

  put(type: string, row: Row): void {
    const id = row.Id as string;
    for (const field of SHARED_VALUE_FIELDS) {
      const value = row[field];
      if (typeof value !== 'string' || !Object.hasOwn(row, field)) continue;
      const shared = this.#shared.get(value);
      if (shared === undefined) this.#shared.set(value, value);
      else row[field] = shared;
    }
    if (PERMISSION_TYPES.has(type)) this.setupVersion++;
    this.#remember(id);
    const previous = this.#record(id);
    if (previous) this.#unindex(previous.type, previous.row);
    this.#rows.set(id, row);
    if (typeOfRow(row) === type) this.#plainTypes.delete(id);
    else this.#plainTypes.set(id, type);
    this.#reindex(type, row);
    let ids = this.#byType.get(type);
    if (!ids) this.#byType.set(type, (ids = new Set()));
    ids.add(id);
  }

  /** Removes a row for good (used by rollbacks and by the recycle-bin purge; not by a DELETE, which soft-deletes). */
  purge(id: string): void {
    const rec = this.#record(id);
    if (!rec) return;
    if (PERMISSION_TYPES.has(rec.type)) this.setupVersion++;
    this.#remember(id);
    this.#unindex(rec.type, rec.row);
    this.#forget(id);
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
    this.setupVersion++;
    for (const [id, prior] of journal.before) {
      const current = this.#record(id);
      if (current) {
        this.#byType.get(current.type)?.delete(id);
        this.#unindex(current.type, current.row);
      }
      this.#forget(id);
      if (prior) this.put(prior.type, prior.row);
    }
    this.#deleteLog.length = journal.deleteLogLength;
  }

  #remember(id: string): void {
    const journal = this.#journal;
    if (!journal || journal.before.has(id)) return;
    const current = this.#record(id);
    journal.before.set(id, current ? { type: current.type, row: copyRow(current.row) } : undefined);
  }

  /** The live state, not a copy: the caller (Org.snapshot) deep-copies it once. */
  exportState(): StoreState {
    const records = new Map<string, StoredRecord>();
    for (const id of this.#rows.keys()) records.set(id, this.#record(id)!);
    return { records, deleteLog: this.#deleteLog };
  }

  /** Takes ownership of `state` (the caller passes a copy). */
  importState(state: StoreState): void {
    const copy = state;
    this.setupVersion++;
    this.#rows = new Map();
    this.#plainTypes = new Map();
    this.#byType = new Map();
    this.#indexes = new Map();
    this.#journal = undefined;
    for (const rec of copy.records.values()) {
      // Snapshots carry own fields only (structuredClone drops prototypes): give each row its defaults back.
      const schema = schemaFor(rec.type);
      this.put(rec.type, schema ? adoptRow(schema, rec.row) : rec.row);
    }
    this.#deleteLog = copy.deleteLog;
  }
}
