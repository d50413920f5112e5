/**
 * The SOQL runner narrows `WHERE <id/reference/text> = literal | IN (…) … ORDER BY …, Id` through the source's index
 * (issue #6 §6: per-rep OwnerId reads scanned the whole org). The answer must be exactly the scan's answer.
 */
import { describe, expect, it } from 'vitest';
import { runSoql, type RunSoqlOptions } from '../../../sim/salesforce/soql/index.ts';
import { createFixtureSource, id, NOW, ref } from './fixture.ts';

const OPTIONS: RunSoqlOptions = { now: NOW, timeZone: 'America/Los_Angeles', includeDeleted: false, apiVersion: '62.0' };
type Row = Record<string, unknown>;

/** The fixture source plus a rowsWhere that filters the same rows (in reverse, so an order leak would show). */
function indexedSource() {
  const base = createFixtureSource();
  let indexCalls = 0;
  const source = {
    ...base,
    rows: base.rows,
    rowsWhere(objectName: string, field: string, value: unknown, options: { includeDeleted: boolean }): Iterable<Row> {
      indexCalls++;
      // As the store does: text compares case-insensitively (its folded index), ids exactly.
      const fold = (v: unknown) => (typeof v === 'string' && !/Id$/.test(field) ? v.toLowerCase() : v);
      return [...base.rows(objectName, options)].filter((r) => fold(r[field]) === fold(value)).reverse();
    },
    get indexCalls() {
      return indexCalls;
    },
  };
  return source;
}

const ids = (records: Array<Record<string, unknown>>) => records.map((r) => ref(r.Id));

describe('SOQL through the OwnerId index (issue #6 §6)', () => {
  const cases = [
    `SELECT Id FROM Contact WHERE OwnerId = '${id('u2')}' ORDER BY SystemModstamp, Id`,
    `SELECT Id FROM Contact WHERE OwnerId = '${id('u2')}' AND LastName != 'Zed' ORDER BY Id DESC`,
    `SELECT Id FROM Contact WHERE Email != null AND OwnerId = '${id('u1')}' ORDER BY Id LIMIT 1`,
    `SELECT Id FROM Contact WHERE Email = 'ANN.LEE@globex.test' ORDER BY Id`,
  ];
  for (const q of cases) {
    it(`same answer as a scan, through the index: ${q.slice(0, 70)}…`, () => {
      const scan = runSoql(q, createFixtureSource(), OPTIONS);
      expect(scan.records.length).toBeGreaterThan(0);
      const source = indexedSource();
      const indexed = runSoql(q, source, OPTIONS);
      expect(ids(indexed.records)).toEqual(ids(scan.records));
      expect(indexed.totalSize).toBe(scan.totalSize);
      expect(source.indexCalls).toBe(1);
    });
  }

  it('IN on a text field: one index lookup per value, each row once, the scan\'s answer', () => {
    const q = "SELECT Id FROM Contact WHERE Email IN ('ann.lee@globex.test', 'ANN.LEE@GLOBEX.TEST', 'nobody@x.test') ORDER BY CreatedDate, Id";
    const scan = runSoql(q, createFixtureSource(), OPTIONS);
    expect(scan.records.length).toBe(1);
    const source = indexedSource();
    expect(ids(runSoql(q, source, OPTIONS).records)).toEqual(ids(scan.records));
    expect(source.indexCalls).toBe(3);
  });

  it('NOT IN and != are not narrowed (they match almost everything)', () => {
    const source = indexedSource();
    const q = "SELECT Id FROM Contact WHERE Email NOT IN ('ann.lee@globex.test') ORDER BY Id";
    expect(ids(runSoql(q, source, OPTIONS).records)).toEqual(ids(runSoql(q, createFixtureSource(), OPTIONS).records));
    expect(source.indexCalls).toBe(0);
  });

  it('without ORDER BY Id the order would depend on the index, so the runner scans', () => {
    const source = indexedSource();
    const q = `SELECT Id FROM Contact WHERE OwnerId = '${id('u2')}'`;
    expect(ids(runSoql(q, source, OPTIONS).records)).toEqual(ids(runSoql(q, createFixtureSource(), OPTIONS).records));
    expect(source.indexCalls).toBe(0);
  });

  it('an equality under OR is not a conjunct: scanned, not narrowed', () => {
    const source = indexedSource();
    const q = `SELECT Id FROM Contact WHERE OwnerId = '${id('u2')}' OR LastName = 'Zed' ORDER BY Id`;
    expect(ids(runSoql(q, source, OPTIONS).records)).toEqual(ids(runSoql(q, createFixtureSource(), OPTIONS).records));
    expect(source.indexCalls).toBe(0);
  });
});
