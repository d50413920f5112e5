/**
 * Table-driven SOQL conformance: each query runs through runSoql over the in-memory fixture org and must return
 * exactly these record ids in this order, or fail with exactly this errorCode, detail fragment and Row/Column.
 * Scenario time is fixed (NOW = Wed 2026-03-04 10:00 in Los Angeles) so date literals are deterministic.
 */
import { describe, expect, it } from 'vitest';
import { runSoql, SoqlError, type RunSoqlOptions } from '../../../sim/salesforce/soql/index.ts';
import { createFixtureSource, id, NOW, ref } from './fixture.ts';

const OPTIONS: RunSoqlOptions = { now: NOW, timeZone: 'America/Los_Angeles', includeDeleted: false, apiVersion: '62.0' };

interface ValidCase {
  q: string;
  /** Fixture refs of the records, in order. */
  refs: string[];
  options?: Partial<RunSoqlOptions>;
}

const C = (...refs: string[]) => refs;
const ALL_CONTACTS = C('c1', 'c2', 'c3', 'c4', 'c5', 'c6');

const VALID: Record<string, ValidCase> = {
  'all rows in source order': { q: 'SELECT Id FROM Contact', refs: ALL_CONTACTS },
  'keywords, object and fields are case-insensitive': { q: "select id from contact where LASTNAME = 'ZED'", refs: C('c2') },
  '= compares strings case-insensitively': { q: "SELECT Id FROM Contact WHERE LastName = 'lee'", refs: C('c1', 'c4') },
  '!= excludes case-insensitively': { q: "SELECT Id FROM Contact WHERE LastName != 'Lee'", refs: C('c2', 'c3', 'c5', 'c6') },
  '<> is !=': { q: "SELECT Id FROM Contact WHERE LastName <> 'LEE'", refs: C('c2', 'c3', 'c5', 'c6') },
  '= null': { q: 'SELECT Id FROM Contact WHERE Email = null', refs: C('c4') },
  '!= null with ORDER BY the same field': { q: 'SELECT Id FROM Contact WHERE Email != NULL ORDER BY Email', refs: C('c1', 'c2', 'c3', 'c6', 'c5') },
  '!= value keeps nulls (SOQL semantics)': { q: "SELECT Id FROM Contact WHERE Email != 'old@acme.test'", refs: C('c1', 'c2', 'c3', 'c4', 'c6') },
  'IN is case-insensitive': { q: "SELECT Id FROM Contact WHERE FirstName IN ('ann', 'EVE')", refs: C('c1', 'c6') },
  'NOT IN keeps nulls': { q: "SELECT Id FROM Contact WHERE FirstName NOT IN ('ann', 'eve')", refs: C('c2', 'c3', 'c4', 'c5') },
  'IN with null matches nulls': { q: "SELECT Id FROM Contact WHERE FirstName IN ('Ann', null)", refs: C('c1', 'c5') },
  'LIKE prefix, case-insensitive': { q: "SELECT Id FROM Contact WHERE Name LIKE 'a%'", refs: C('c1') },
  'LIKE suffix': { q: "SELECT Id FROM Contact WHERE Name LIKE '%LEE'", refs: C('c1', 'c4') },
  'LIKE _ is one character': { q: "SELECT Id FROM Contact WHERE LastName LIKE '_ed'", refs: C('c2') },
  'LIKE with escaped %': { q: "SELECT Id FROM Contact WHERE Title LIKE '100\\%%'", refs: C('c4') },
  'LIKE with escaped _': { q: "SELECT Id FROM Contact WHERE Title LIKE '%\\_%'", refs: C('c4') },
  'LIKE treats regex characters literally': { q: "SELECT Id FROM Contact WHERE Email LIKE 'ann.lee@globex.tes.'", refs: [] },
  'LIKE on a parent field with a dot in the value': { q: "SELECT Id FROM Contact WHERE Account.Owner.Email LIKE '%@acme.test'", refs: C('c1', 'c2', 'c3', 'c5', 'c6') },
  'LIKE without wildcards is equality': { q: "SELECT Id FROM Contact WHERE Title LIKE 'cto'", refs: C('c1') },
  'number >': { q: 'SELECT Id FROM Contact WHERE Score__c > 0', refs: C('c1', 'c3') },
  'number >= includes zero': { q: 'SELECT Id FROM Contact WHERE Score__c >= 0', refs: C('c1', 'c3', 'c5') },
  'negative number literal': { q: 'SELECT Id FROM Contact WHERE Score__c > -5.5', refs: C('c1', 'c2', 'c3', 'c5') },
  'number <= exact': { q: 'SELECT Id FROM Contact WHERE Score__c <= -3', refs: C('c2') },
  'number = null': { q: 'SELECT Id FROM Contact WHERE Score__c = null', refs: C('c4', 'c6') },
  'boolean true': { q: 'SELECT Id FROM Contact WHERE DoNotCall = true', refs: C('c2') },
  'boolean FALSE': { q: 'SELECT Id FROM Contact WHERE DoNotCall = FALSE', refs: C('c1', 'c3', 'c4', 'c5', 'c6') },
  'boolean = null means false (Salesforce booleans are never null)': { q: 'SELECT Id FROM Contact WHERE DoNotCall = null', refs: C('c1', 'c3', 'c4', 'c5', 'c6') },
  'boolean != null means true': { q: 'SELECT Id FROM Contact WHERE DoNotCall != null', refs: C('c2') },
  'date field = date': { q: 'SELECT Id FROM Contact WHERE Birthdate = 1990-03-04', refs: C('c1') },
  'date field < date': { q: 'SELECT Id FROM Contact WHERE Birthdate < 1990-01-01', refs: C('c3') },
  'datetime > Z literal': { q: 'SELECT Id FROM Contact WHERE CreatedDate > 2026-03-04T00:00:00Z', refs: C('c1', 'c2', 'c6') },
  'datetime with +0900 offset': { q: 'SELECT Id FROM Contact WHERE CreatedDate >= 2026-03-04T09:00:00+0900', refs: C('c1', 'c2', 'c6') },
  'datetime with +01:00 offset': { q: 'SELECT Id FROM Contact WHERE CreatedDate > 2026-03-04T08:00:00+01:00', refs: C('c1', 'c6') },
  'datetime = with milliseconds': { q: 'SELECT Id FROM Contact WHERE CreatedDate = 2026-03-04T17:00:00.000Z', refs: C('c1') },
  'TODAY in the user time zone (LA)': { q: 'SELECT Id FROM Contact WHERE CreatedDate = TODAY', refs: C('c1') },
  'TODAY in UTC includes a row that is yesterday in LA': { q: 'SELECT Id FROM Contact WHERE CreatedDate = TODAY', refs: C('c1', 'c2'), options: { timeZone: 'UTC' } },
  YESTERDAY: { q: 'SELECT Id FROM Contact WHERE CreatedDate = YESTERDAY', refs: C('c2') },
  TOMORROW: { q: 'SELECT Id FROM Contact WHERE CreatedDate = TOMORROW', refs: C('c6') },
  '> TODAY means after the end of today': { q: 'SELECT Id FROM Contact WHERE CreatedDate > TODAY', refs: C('c6') },
  '< TODAY means before today starts': { q: 'SELECT Id FROM Contact WHERE CreatedDate < TODAY', refs: C('c2', 'c3', 'c4', 'c5') },
  '<= TODAY includes today': { q: 'SELECT Id FROM Contact WHERE CreatedDate <= TODAY', refs: C('c1', 'c2', 'c3', 'c4', 'c5') },
  '>= TODAY': { q: 'SELECT Id FROM Contact WHERE CreatedDate >= TODAY', refs: C('c1', 'c6') },
  '!= TODAY': { q: 'SELECT Id FROM Contact WHERE CreatedDate != TODAY', refs: C('c2', 'c3', 'c4', 'c5', 'c6') },
  'THIS_WEEK starts on Sunday': { q: 'SELECT Id FROM Contact WHERE CreatedDate = THIS_WEEK', refs: C('c1', 'c2', 'c3', 'c6') },
  LAST_MONTH: { q: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_MONTH', refs: C('c4') },
  THIS_MONTH: { q: 'SELECT Id FROM Contact WHERE CreatedDate = THIS_MONTH', refs: C('c1', 'c2', 'c3', 'c6') },
  'NEXT_MONTH (none)': { q: 'SELECT Id FROM Contact WHERE CreatedDate = NEXT_MONTH', refs: [] },
  LAST_YEAR: { q: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_YEAR', refs: C('c5') },
  '< THIS_YEAR': { q: 'SELECT Id FROM Contact WHERE CreatedDate < THIS_YEAR', refs: C('c5') },
  'LAST_N_DAYS:2 includes today': { q: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:2', refs: C('c1', 'c2', 'c3') },
  'NEXT_N_DAYS:1 starts tomorrow': { q: 'SELECT Id FROM Contact WHERE CreatedDate = NEXT_N_DAYS:1', refs: C('c6') },
  'N_DAYS_AGO:2': { q: 'SELECT Id FROM Contact WHERE CreatedDate = N_DAYS_AGO:2', refs: C('c3') },
  LAST_90_DAYS: { q: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_90_DAYS', refs: C('c1', 'c2', 'c3', 'c4', 'c5') },
  'LAST_N_WEEKS:2 ends before this week': { q: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_N_WEEKS:2', refs: C('c4') },
  'LAST_N_MONTHS:3 ends before this month': { q: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_N_MONTHS:3', refs: C('c4', 'c5') },
  'date field = TODAY': { q: 'SELECT Id FROM Event WHERE ActivityDate = TODAY', refs: C('e1') },
  'date field = NEXT_WEEK': { q: 'SELECT Id FROM Event WHERE ActivityDate = NEXT_WEEK', refs: C('e2') },
  'date field = LAST_WEEK': { q: 'SELECT Id FROM Event WHERE ActivityDate = LAST_WEEK', refs: C('e4') },
  'date field = NEXT_N_DAYS:30': { q: 'SELECT Id FROM Event WHERE ActivityDate = NEXT_N_DAYS:30', refs: C('e2', 'e3') },
  'NEXT_90_DAYS on datetime': { q: 'SELECT Id FROM Event WHERE StartDateTime = NEXT_90_DAYS', refs: C('e2', 'e3') },
  'IN with date literals': { q: 'SELECT Id FROM Event WHERE ActivityDate IN (TODAY, LAST_WEEK)', refs: C('e1', 'e4') },
  'AND of an OR group': { q: "SELECT Id FROM Contact WHERE (LastName = 'Lee' OR LastName = 'Zed') AND DoNotCall = false", refs: C('c1', 'c4') },
  'NOT comparison': { q: "SELECT Id FROM Contact WHERE NOT LastName = 'lee'", refs: C('c2', 'c3', 'c5', 'c6') },
  'NOT of a parenthesised OR': { q: 'SELECT Id FROM Contact WHERE NOT (Email = null OR AccountId = null)', refs: C('c1', 'c2', 'c3', 'c5', 'c6') },
  'three ANDs with nested OR': { q: "SELECT Id FROM Contact WHERE LastName = 'Lee' AND (FirstName = 'Dee' OR FirstName = 'Ann') AND Score__c = null", refs: C('c4') },
  'parent field in WHERE': { q: "SELECT Id FROM Contact WHERE Account.Name = 'acme corp'", refs: C('c2', 'c5', 'c6') },
  'grandparent field in WHERE': { q: "SELECT Id FROM Contact WHERE Account.Owner.Email LIKE 'bob%'", refs: C('c1', 'c3') },
  'Owner boolean': { q: 'SELECT Id FROM Contact WHERE Owner.IsActive = false', refs: C('c6') },
  'missing parent is null': { q: 'SELECT Id FROM Contact WHERE Account.Name = null', refs: C('c4') },
  'Id = 15-char id': { q: `SELECT Id FROM Contact WHERE Id = '${id('c3').slice(0, 15)}'`, refs: C('c3') },
  'Id IN mixing 18- and 15-char ids': { q: `SELECT Id FROM Contact WHERE Id IN ('${id('c1')}', '${id('c2').slice(0, 15)}')`, refs: C('c1', 'c2') },
  'reference field = 18-char id': { q: `SELECT Id FROM Contact WHERE AccountId = '${id('a1')}'`, refs: C('c2', 'c5', 'c6') },
  'INCLUDES one value, case-insensitive': { q: "SELECT Id FROM Contact WHERE Interests__c INCLUDES ('golf')", refs: C('c1', 'c3') },
  'INCLUDES: ; means AND, comma means OR': { q: "SELECT Id FROM Contact WHERE Interests__c INCLUDES ('golf;tennis', 'Chess')", refs: C('c1', 'c3') },
  'INCLUDES with both values required': { q: "SELECT Id FROM Contact WHERE Interests__c INCLUDES ('Golf;Tennis')", refs: C('c1') },
  'EXCLUDES keeps empty values': { q: "SELECT Id FROM Contact WHERE Interests__c EXCLUDES ('Tennis')", refs: C('c3', 'c4', 'c5', 'c6') },
  'multi-picklist = is an order-insensitive set match': { q: "SELECT Id FROM Contact WHERE Interests__c = 'Tennis;Golf'", refs: C('c1') },
  'ORDER BY text is case- and accent-insensitive, ties keep source order': { q: 'SELECT Id FROM Contact ORDER BY LastName', refs: C('c1', 'c4', 'c6', 'c5', 'c3', 'c2') },
  'ORDER BY ASC puts nulls first by default': { q: 'SELECT Id FROM Contact ORDER BY Score__c', refs: C('c4', 'c6', 'c2', 'c5', 'c1', 'c3') },
  'ORDER BY DESC puts nulls last by default': { q: 'SELECT Id FROM Contact ORDER BY Score__c DESC', refs: C('c3', 'c1', 'c5', 'c2', 'c4', 'c6') },
  'ORDER BY ASC NULLS LAST': { q: 'SELECT Id FROM Contact ORDER BY Score__c ASC NULLS LAST', refs: C('c2', 'c5', 'c1', 'c3', 'c4', 'c6') },
  'ORDER BY DESC NULLS FIRST': { q: 'SELECT Id FROM Contact ORDER BY Score__c DESC NULLS FIRST', refs: C('c4', 'c6', 'c3', 'c1', 'c5', 'c2') },
  'ORDER BY parent field DESC then own field': { q: 'SELECT Id FROM Contact ORDER BY Account.Name DESC, LastName ASC', refs: C('c3', 'c1', 'c6', 'c5', 'c2', 'c4') },
  'ORDER BY datetime DESC with LIMIT': { q: 'SELECT Id FROM Contact ORDER BY CreatedDate DESC LIMIT 2', refs: C('c6', 'c1') },
  'ORDER BY with LIMIT and OFFSET': { q: 'SELECT Id FROM Contact ORDER BY CreatedDate LIMIT 2 OFFSET 1', refs: C('c4', 'c3') },
  'LIMIT without ORDER BY': { q: 'SELECT Id FROM Contact LIMIT 2', refs: C('c1', 'c2') },
  'LIMIT 0': { q: 'SELECT Id FROM Contact LIMIT 0', refs: [] },
  'OFFSET alone': { q: 'SELECT Id FROM Contact OFFSET 4', refs: C('c5', 'c6') },
  'LIMIT with OFFSET': { q: 'SELECT Id FROM Contact LIMIT 1 OFFSET 2', refs: C('c3') },
  'OFFSET 2000 is allowed': { q: 'SELECT Id FROM Contact OFFSET 2000', refs: [] },
  'deleted rows hidden from query': { q: 'SELECT Id FROM Event WHERE IsDeleted = true', refs: [] },
  'deleted rows visible to queryAll': { q: 'SELECT Id FROM Event WHERE IsDeleted = true', refs: C('e5'), options: { includeDeleted: true } },
  'polymorphic What by name': { q: "SELECT Id FROM Event WHERE What.Name = 'Globex'", refs: C('e1') },
  'polymorphic Who.Type names the object': { q: "SELECT Id FROM Event WHERE Who.Type = 'Lead'", refs: C('e2') },
  'polymorphic What.Type is the object, not Account.Type': { q: "SELECT Id FROM Event WHERE What.Type = 'Account'", refs: C('e1', 'e4') },
  'plain Account.Type is the Account field': { q: "SELECT Id FROM Contact WHERE Account.Type = 'customer' AND Account.Name = 'Globex'", refs: C('c1') },
  'polymorphic Owner': { q: "SELECT Id FROM Event WHERE Owner.Name = 'alice admin'", refs: C('e3') },
  'object alias': { q: "SELECT c.Id FROM Contact c WHERE c.Account.Name = 'Globex'", refs: C('c1') },
  "escaped quote in a string": { q: "SELECT Id FROM Account WHERE Name = 'O\\'Brien & Sons_Ltd'", refs: C('a3') },
  'picklist equality is case-insensitive': { q: "SELECT Id FROM Lead WHERE Status = 'closed - converted'", refs: C('l2') },
  'boolean on Lead': { q: 'SELECT Id FROM Lead WHERE IsConverted = false', refs: C('l1') },
  'int field': { q: 'SELECT Id FROM Account WHERE NumberOfEmployees > 500', refs: C('a1') },
  'currency with decimals': { q: 'SELECT Id FROM Account WHERE AnnualRevenue >= 750000.5', refs: C('a1', 'a2') },
  'User ORDER BY DESC': { q: 'SELECT Id FROM User WHERE IsActive = true ORDER BY LastName DESC', refs: C('u2', 'u1') },
  'multi-line query': { q: "SELECT Id\n  FROM Contact\n WHERE LastName = 'Old'", refs: C('c5') },
};

interface InvalidCase {
  q: string;
  code: string;
  detail: string;
  /** [row, column], 1-based. */
  at?: [number, number];
  unsupported?: boolean;
}

const INVALID: Record<string, InvalidCase> = {
  'misspelt FROM': { q: 'SELECT Id FORM Contact', code: 'MALFORMED_QUERY', detail: "unexpected token: 'FORM'", at: [1, 11] },
  'WHERE without a condition': { q: 'SELECT Id FROM Contact WHERE', code: 'MALFORMED_QUERY', detail: 'unexpected token: <EOF>', at: [1, 29] },
  'AND and OR mixed without parentheses': { q: "SELECT Id FROM Contact WHERE LastName = 'x' AND FirstName = 'y' OR Email = null", code: 'MALFORMED_QUERY', detail: "unexpected token: 'OR'", at: [1, 65] },
  'empty SELECT list': { q: 'SELECT FROM Contact', code: 'MALFORMED_QUERY', detail: "unexpected token: 'FROM'", at: [1, 8] },
  'SELECT *': { q: 'SELECT * FROM Contact', code: 'MALFORMED_QUERY', detail: "unexpected token: '*'", at: [1, 8] },
  'trailing semicolon': { q: 'SELECT Id FROM Contact;', code: 'MALFORMED_QUERY', detail: "unexpected token: ';'", at: [1, 23] },
  'double-quoted string': { q: 'SELECT Id FROM Contact WHERE LastName = "Lee"', code: 'MALFORMED_QUERY', detail: 'single quotes', at: [1, 41] },
  'unterminated string': { q: "SELECT Id FROM Contact WHERE LastName = 'Lee", code: 'MALFORMED_QUERY', detail: 'unterminated string literal', at: [1, 41] },
  'bad escape': { q: "SELECT Id FROM Contact WHERE LastName = 'a\\qb'", code: 'MALFORMED_QUERY', detail: "Illegal character sequence '\\q'", at: [1, 43] },
  'error on the third line': { q: 'SELECT Id\nFROM Contact\nWHERE Foo = 1', code: 'INVALID_FIELD', detail: "No such column 'Foo' on entity 'Contact'", at: [3, 7] },
  'empty query': { q: '   ', code: 'MALFORMED_QUERY', detail: 'The query is empty' },
  'ORDER is not reserved: FROM Order parses (and this org has no Order)': { q: 'SELECT Id FROM Order ORDER BY Id', code: 'INVALID_TYPE', detail: "sObject type 'Order' is not supported.", at: [1, 16] },
  'more than five relationship hops': { q: 'SELECT Id FROM Contact WHERE A.B.C.D.E.F.Name = null', code: 'MALFORMED_QUERY', detail: 'cannot query more than 5 levels of relationships', at: [1, 30] },
  'query text over 100,000 characters': {
    q: `SELECT Id FROM Contact WHERE Id IN (${Array.from({ length: 5000 }, () => "'003Dn0000000001IAA'").join(', ')})`,
    code: 'MALFORMED_QUERY', detail: 'SOQL statements cannot be longer than 100,000 characters (this one has 110,035)',
  },
  'unknown object': { q: 'SELECT Id FROM Bogus', code: 'INVALID_TYPE', detail: "sObject type 'Bogus' is not supported.", at: [1, 16] },
  'unknown field in SELECT': { q: 'SELECT Id, Foo FROM Contact', code: 'INVALID_FIELD', detail: "No such column 'Foo' on entity 'Contact'. If you are attempting to use a custom field, be sure to append the '__c'", at: [1, 12] },
  'unknown relationship': { q: "SELECT Id FROM Contact WHERE Acct.Name = 'x'", code: 'INVALID_FIELD', detail: "Didn't understand relationship 'Acct' in field path", at: [1, 30] },
  'unknown parent field': { q: 'SELECT Account.Bogus FROM Contact', code: 'INVALID_FIELD', detail: "No such column 'Bogus' on entity 'Account'", at: [1, 8] },
  'unknown field on a polymorphic parent': { q: 'SELECT What.Bogus FROM Event', code: 'INVALID_FIELD', detail: "No such column 'Bogus' on entity 'Name'", at: [1, 8] },
  'relationship name without a field': { q: 'SELECT Account FROM Contact', code: 'INVALID_FIELD', detail: "No such column 'Account' on entity 'Contact'", at: [1, 8] },
  'unknown field in ORDER BY': { q: 'SELECT Id FROM Contact ORDER BY Nope', code: 'INVALID_FIELD', detail: "No such column 'Nope'", at: [1, 33] },
  'duplicate field': { q: 'SELECT Id, LastName, id FROM Contact', code: 'MALFORMED_QUERY', detail: 'duplicate field selected: Id', at: [1, 22] },
  'string field compared with a number': { q: 'SELECT Id FROM Contact WHERE LastName = 5', code: 'INVALID_FIELD', detail: "value of filter criterion for field 'LastName' must be of type string and should be enclosed in quotes", at: [1, 41] },
  'number field compared with a string': { q: "SELECT Id FROM Contact WHERE Score__c = '5'", code: 'INVALID_FIELD', detail: "field 'Score__c' must be of type double and should not be enclosed in quotes" },
  'boolean field compared with a string': { q: "SELECT Id FROM Contact WHERE DoNotCall = 'true'", code: 'INVALID_FIELD', detail: "field 'DoNotCall' must be of type boolean and should not be enclosed in quotes" },
  'datetime field compared with a date': { q: 'SELECT Id FROM Contact WHERE CreatedDate = 2026-03-04', code: 'INVALID_FIELD', detail: "field 'CreatedDate' must be of type dateTime" },
  'date field compared with a datetime': { q: 'SELECT Id FROM Contact WHERE Birthdate = 2026-03-04T00:00:00Z', code: 'INVALID_FIELD', detail: "field 'Birthdate' must be of type date" },
  'malformed id': { q: "SELECT Id FROM Contact WHERE Id = 'abc'", code: 'INVALID_QUERY_FILTER_OPERATOR', detail: 'invalid ID field: abc', at: [1, 35] },
  'non-filterable field': { q: "SELECT Id FROM Contact WHERE Description = 'x'", code: 'INVALID_FIELD', detail: "field 'Description' can not be filtered in a query call", at: [1, 30] },
  'non-sortable field': { q: 'SELECT Id FROM Contact ORDER BY Description', code: 'INVALID_FIELD', detail: "field 'Description' can not be sorted in a query call" },
  'multi-picklist in ORDER BY': { q: 'SELECT Id FROM Contact ORDER BY Interests__c', code: 'INVALID_FIELD', detail: "field 'Interests__c' can not be sorted" },
  'INCLUDES on a text field': { q: "SELECT Id FROM Contact WHERE LastName INCLUDES ('x')", code: 'INVALID_QUERY_FILTER_OPERATOR', detail: 'includes or excludes operator only valid on multipicklist field', at: [1, 39] },
  '> on a boolean': { q: 'SELECT Id FROM Contact WHERE DoNotCall > true', code: 'INVALID_QUERY_FILTER_OPERATOR', detail: 'invalid operator > on boolean field' },
  'LIKE on a number': { q: "SELECT Id FROM Contact WHERE Score__c LIKE '1%'", code: 'INVALID_QUERY_FILTER_OPERATOR', detail: 'invalid operator LIKE on double field' },
  'LIKE on an id': { q: "SELECT Id FROM Contact WHERE Id LIKE '003%'", code: 'INVALID_QUERY_FILTER_OPERATOR', detail: 'invalid operator LIKE on id field', at: [1, 33] },
  'N-literal without n': { q: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS', code: 'MALFORMED_QUERY', detail: 'LAST_N_DAYS needs a number' },
  'impossible datetime': { q: 'SELECT Id FROM Contact WHERE CreatedDate = 2026-02-30T00:00:00Z', code: 'MALFORMED_QUERY', detail: 'invalid datetime: 2026-02-30T00:00:00Z', at: [1, 44] },
  'unknown identifier as a value': { q: 'SELECT Id FROM Contact WHERE CreatedDate = SOMEDAY', code: 'MALFORMED_QUERY', detail: "unexpected token: 'SOMEDAY'", at: [1, 44] },
  'negative LIMIT': { q: 'SELECT Id FROM Contact LIMIT -1', code: 'MALFORMED_QUERY', detail: 'LIMIT takes a whole number', at: [1, 30] },
  'OFFSET over 2000': { q: 'SELECT Id FROM Contact OFFSET 2001', code: 'NUMBER_OUTSIDE_VALID_RANGE', detail: 'Maximum SOQL offset allowed is 2000', at: [1, 31] },
  'COUNT() beside a field': { q: 'SELECT COUNT(), Id FROM Contact', code: 'MALFORMED_QUERY', detail: 'COUNT() must be the only element', at: [1, 8] },
  'plain field beside COUNT(field)': { q: 'SELECT COUNT(Id), LastName FROM Contact', code: 'MALFORMED_QUERY', detail: 'Field must be grouped or aggregated: LastName', at: [1, 19] },
  'GROUP BY': { q: 'SELECT LastName FROM Contact GROUP BY LastName', code: 'MALFORMED_QUERY', detail: "not supported by synclab's Salesforce sim: GROUP BY", at: [1, 30], unsupported: true },
  subquery: { q: 'SELECT Id, (SELECT Id FROM Contacts) FROM Account', code: 'MALFORMED_QUERY', detail: 'not supported by synclab\'s Salesforce sim: subqueries', at: [1, 12], unsupported: true },
  'semi-join': { q: 'SELECT Id FROM Contact WHERE AccountId IN (SELECT Id FROM Account)', code: 'MALFORMED_QUERY', detail: 'semi-joins and anti-joins', at: [1, 44], unsupported: true },
  TYPEOF: { q: 'SELECT TYPEOF What WHEN Account THEN Name END FROM Event', code: 'MALFORMED_QUERY', detail: "not supported by synclab's Salesforce sim: TYPEOF", at: [1, 8], unsupported: true },
  'WITH SECURITY_ENFORCED': { q: 'SELECT Id FROM Contact WITH SECURITY_ENFORCED', code: 'MALFORMED_QUERY', detail: 'not supported by synclab\'s Salesforce sim: WITH', at: [1, 24], unsupported: true },
  'FOR UPDATE': { q: 'SELECT Id FROM Contact LIMIT 1 FOR UPDATE', code: 'MALFORMED_QUERY', detail: 'FOR UPDATE', at: [1, 32], unsupported: true },
  'aggregate other than COUNT': { q: 'SELECT MAX(Score__c) FROM Contact', code: 'MALFORMED_QUERY', detail: 'aggregate function MAX()', at: [1, 8], unsupported: true },
  'FIELDS(ALL)': { q: 'SELECT FIELDS(ALL) FROM Contact LIMIT 200', code: 'MALFORMED_QUERY', detail: 'FIELDS(ALL | STANDARD | CUSTOM)', unsupported: true },
  'date function in WHERE': { q: 'SELECT Id FROM Contact WHERE CALENDAR_YEAR(CreatedDate) = 2026', code: 'MALFORMED_QUERY', detail: 'function CALENDAR_YEAR() in WHERE', at: [1, 30], unsupported: true },
  'fiscal date literal': { q: 'SELECT Id FROM Contact WHERE CreatedDate = THIS_FISCAL_YEAR', code: 'MALFORMED_QUERY', detail: 'fiscal date literal THIS_FISCAL_YEAR', at: [1, 44], unsupported: true },
  'bind variable': { q: 'SELECT Id FROM Contact WHERE Id IN :ids', code: 'MALFORMED_QUERY', detail: 'bind variables', at: [1, 36], unsupported: true },
  'two objects in FROM': { q: 'SELECT Id FROM Contact, Account', code: 'MALFORMED_QUERY', detail: 'more than one object in FROM', at: [1, 23], unsupported: true },
};

function run(q: string, options: Partial<RunSoqlOptions> = {}, source = createFixtureSource()) {
  return runSoql(q, source, { ...OPTIONS, ...options });
}

describe('SOQL: valid queries return exactly these records in this order', () => {
  for (const [name, c] of Object.entries(VALID)) {
    it(name, () => {
      const result = run(c.q, c.options);
      expect(result.records.map((r) => ref(r.Id))).toEqual(c.refs);
      expect(result.totalSize).toBe(c.refs.length);
    });
  }
});

describe('SOQL: invalid queries fail the way Salesforce fails', () => {
  for (const [name, c] of Object.entries(INVALID)) {
    it(name, () => {
      let error: unknown;
      try {
        run(c.q);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SoqlError);
      const e = error as SoqlError;
      expect({ code: e.errorCode, unsupported: e.unsupported }).toEqual({ code: c.code, unsupported: c.unsupported ?? false });
      expect(e.detail).toContain(c.detail);
      if (c.at) {
        expect(e.position).toEqual({ row: c.at[0], column: c.at[1] });
        expect(e.message).toContain(`ERROR at Row:${c.at[0]}:Column:${c.at[1]}`);
      }
    });
  }
});

describe('SOQL: the table is big enough to mean something', () => {
  it('has at least 60 valid and invalid queries', () => {
    expect(Object.keys(VALID).length + Object.keys(INVALID).length).toBeGreaterThanOrEqual(60);
  });
});
