/**
 * What runSoql returns: REST-shaped records (attributes, canonical field names in SELECT order, nested parents,
 * Salesforce datetime format), COUNT() and COUNT(field) results, and the scan behaviour the sim relies on for large
 * orgs (LIMIT stops reading, ORDER BY + LIMIT keeps only the top rows, parents looked up once).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '#util/random.ts';
import { parseSoql, runSoql, type ObjectSchema, type RunSoqlOptions, type SoqlDataSource } from '../../../sim/salesforce/soql/index.ts';
import { createFixtureSource, id, NOW } from './fixture.ts';

const OPTIONS: RunSoqlOptions = { now: NOW, timeZone: 'America/Los_Angeles', includeDeleted: false, apiVersion: '62.0' };
const url = (type: string, ref: string, v = '62.0') => `/services/data/v${v}/sobjects/${type}/${id(ref)}`;

describe('record shape', () => {
  it('selected fields only, canonical names, SELECT order, nested parents and Salesforce datetimes', () => {
    const result = runSoql(
      "select createddate, ACCOUNT.name, id, Account.Owner.Email, DoNotCall, Score__c, Account.Id from contact where lastname = 'lee' order by Name",
      createFixtureSource(), OPTIONS,
    );
    expect(result).toEqual({
      totalSize: 2,
      records: [
        {
          attributes: { type: 'Contact', url: url('Contact', 'c1') },
          CreatedDate: '2026-03-04T17:00:00.000+0000',
          Account: {
            attributes: { type: 'Account', url: url('Account', 'a2') },
            Name: 'Globex',
            Owner: { attributes: { type: 'User', url: url('User', 'u2') }, Email: 'bob@acme.test' },
            Id: id('a2'),
          },
          Id: id('c1'),
          DoNotCall: false,
          Score__c: 12.5,
        },
        {
          attributes: { type: 'Contact', url: url('Contact', 'c4') },
          CreatedDate: '2026-02-20T12:00:00.000+0000',
          Account: null,
          Id: id('c4'),
          DoNotCall: false,
          Score__c: null,
        },
      ],
    });
    expect(Object.keys(result.records[0])).toEqual(['attributes', 'CreatedDate', 'Account', 'Id', 'DoNotCall', 'Score__c']);
  });

  it('polymorphic parents are typed Name, linked to their real object, and expose Type', () => {
    const { records } = runSoql("SELECT Subject, Who.Name, Who.Type, What.Name, What.Type FROM Event WHERE Subject = 'Kickoff'", createFixtureSource(), OPTIONS);
    expect(records).toEqual([
      {
        attributes: { type: 'Event', url: url('Event', 'e1') },
        Subject: 'Kickoff',
        Who: { attributes: { type: 'Name', url: url('Contact', 'c1') }, Name: 'Ann Lee', Type: 'Contact' },
        What: { attributes: { type: 'Name', url: url('Account', 'a2') }, Name: 'Globex', Type: 'Account' },
      },
    ]);
  });

  it('the API version in attributes.url follows the request, with or without the v', () => {
    const { records } = runSoql('SELECT Id FROM Account LIMIT 1', createFixtureSource(), { ...OPTIONS, apiVersion: 'v38.0' });
    expect(records[0].attributes).toEqual({ type: 'Account', url: url('Account', 'a1', '38.0') });
  });

  it('a parsed query can be run again (the sim may cache parses)', () => {
    const query = parseSoql('SELECT Id FROM Contact WHERE CreatedDate = TODAY');
    const source = createFixtureSource();
    expect(runSoql(query, source, OPTIONS).records.map((r) => r.Id)).toEqual([id('c1')]);
    expect(runSoql(query, source, { ...OPTIONS, timeZone: 'UTC' }).records.map((r) => r.Id)).toEqual([id('c1'), id('c2')]);
  });
});

describe('datetime storage forms', () => {
  // The sim's store keeps REST form ('…+0000'); other sources may keep 'Z', offsets or no milliseconds.
  const EVENT: ObjectSchema = { name: 'Event', keyPrefix: '00U', fields: [{ name: 'Id', type: 'id' }, { name: 'StartDateTime', type: 'datetime' }] };
  const rows = [
    { Id: '00U000000000001', StartDateTime: '2026-03-04T17:00:00.000+0000' },
    { Id: '00U000000000002', StartDateTime: '2026-03-04T16:59:59.999Z' },
    { Id: '00U000000000003', StartDateTime: '2026-03-04T18:30:00+01:00' },
    { Id: '00U000000000004', StartDateTime: null },
  ];
  const source: SoqlDataSource = { schema: (n) => (n.toLowerCase() === 'event' ? EVENT : undefined), rows: () => rows, byId: () => undefined };

  it('compare and sort as instants, whatever the stored form', () => {
    const after = runSoql('SELECT Id FROM Event WHERE StartDateTime >= 2026-03-04T17:00:00Z ORDER BY StartDateTime DESC', source, OPTIONS);
    expect(after.records.map((r) => r.Id)).toEqual(['00U000000000003', '00U000000000001']);
    const sorted = runSoql('SELECT Id FROM Event ORDER BY StartDateTime', source, OPTIONS);
    expect(sorted.records.map((r) => r.Id)).toEqual(['00U000000000004', '00U000000000002', '00U000000000001', '00U000000000003']);
  });

  it('leave in REST form with milliseconds and +0000', () => {
    const { records } = runSoql('SELECT StartDateTime FROM Event', source, OPTIONS);
    expect(records.map((r) => r.StartDateTime)).toEqual([
      '2026-03-04T17:00:00.000+0000', '2026-03-04T16:59:59.999+0000', '2026-03-04T17:30:00.000+0000', null,
    ]);
  });
});

describe('COUNT', () => {
  it('COUNT() returns only totalSize', () => {
    expect(runSoql('SELECT COUNT() FROM Contact', createFixtureSource(), OPTIONS)).toEqual({ totalSize: 6, records: [] });
    expect(runSoql('SELECT COUNT() FROM Contact WHERE Email = null', createFixtureSource(), OPTIONS)).toEqual({ totalSize: 1, records: [] });
  });

  it('COUNT() honours LIMIT and OFFSET and queryAll', () => {
    expect(runSoql('SELECT COUNT() FROM Contact LIMIT 3', createFixtureSource(), OPTIONS).totalSize).toBe(3);
    expect(runSoql('SELECT COUNT() FROM Contact OFFSET 4', createFixtureSource(), OPTIONS).totalSize).toBe(2);
    expect(runSoql('SELECT COUNT() FROM Event', createFixtureSource(), OPTIONS).totalSize).toBe(4);
    expect(runSoql('SELECT COUNT() FROM Event', createFixtureSource(), { ...OPTIONS, includeDeleted: true }).totalSize).toBe(5);
  });

  it('COUNT(field) counts non-null values into one AggregateResult, expr0… or the alias', () => {
    expect(runSoql('SELECT COUNT(Id), COUNT(Email) withEmail, COUNT(Account.Name) FROM Contact', createFixtureSource(), OPTIONS)).toEqual({
      totalSize: 1,
      records: [{ attributes: { type: 'AggregateResult' }, expr0: 6, withEmail: 5, expr1: 5 }],
    });
  });
});

describe('scanning large orgs', () => {
  const CONTACT: ObjectSchema = {
    name: 'Contact', keyPrefix: '003',
    fields: [
      { name: 'Id', type: 'id' }, { name: 'LastName', type: 'string' }, { name: 'Score__c', type: 'double' },
      { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' },
    ],
  };
  const ACCOUNT: ObjectSchema = { name: 'Account', keyPrefix: '001', fields: [{ name: 'Id', type: 'id' }, { name: 'Name', type: 'string' }] };

  function bigSource(n: number) {
    const rng = createRng(42);
    const accounts = Array.from({ length: 10 }, (_, i) => ({ Id: `001${String(i).padStart(12, '0')}`, Name: `Account ${i}` }));
    const contacts = Array.from({ length: n }, (_, i) => ({
      Id: `003${String(i).padStart(12, '0')}`,
      LastName: `Name${rng.int(0, 999)}`,
      Score__c: rng.next() < 0.1 ? null : rng.int(0, 500),
      AccountId: accounts[rng.int(0, 9)].Id,
    }));
    const stats = { rowsRead: 0, byIdCalls: 0 };
    const source: SoqlDataSource = {
      schema: (name) => [CONTACT, ACCOUNT].find((s) => s.name.toLowerCase() === name.toLowerCase()),
      *rows(name) {
        for (const row of name === 'Contact' ? contacts : accounts) {
          stats.rowsRead++;
          yield row;
        }
      },
      byId(idValue) {
        stats.byIdCalls++;
        const row = accounts.find((a) => a.Id === idValue);
        return row ? { objectName: 'Account', row } : undefined;
      },
    };
    return { source, stats, contacts };
  }

  it('LIMIT without ORDER BY stops reading rows once enough matched', () => {
    const { source, stats } = bigSource(20_000);
    const result = runSoql('SELECT Id FROM Contact LIMIT 5 OFFSET 10', source, OPTIONS);
    expect(result.records).toHaveLength(5);
    expect(stats.rowsRead).toBe(15);
  });

  it('ORDER BY + LIMIT returns exactly what a full sort would (ties in source order)', () => {
    const { source, contacts } = bigSource(20_000);
    const result = runSoql('SELECT Id FROM Contact ORDER BY Score__c DESC, LastName LIMIT 50 OFFSET 25', source, OPTIONS);
    const expected = contacts
      .map((c, i) => ({ c, i }))
      .sort((x, y) => {
        const [a, b] = [x.c.Score__c, y.c.Score__c];
        if (a !== b) return a === null ? 1 : b === null ? -1 : b - a;
        if (x.c.LastName !== y.c.LastName) return x.c.LastName.toLowerCase() < y.c.LastName.toLowerCase() ? -1 : 1;
        return x.i - y.i;
      })
      .slice(25, 75)
      .map((x) => x.c.Id);
    expect(result.records.map((r) => r.Id)).toEqual(expected);
  });

  it('each parent is looked up once per query, however many children share it', () => {
    const { source, stats } = bigSource(5_000);
    const result = runSoql("SELECT Id, Account.Name FROM Contact WHERE Account.Name != 'Account 3'", source, OPTIONS);
    expect(result.records.length).toBeGreaterThan(4_000);
    expect(stats.byIdCalls).toBe(10);
  });
});
