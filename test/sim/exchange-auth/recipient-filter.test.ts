import { describe, expect, it } from 'vitest';
import {
  compileRecipientFilter,
  RecipientFilterError,
  type FilterableProperty,
} from '../../../sim/exchange/directory/recipient-filter/index.ts';

const sales: Partial<Record<FilterableProperty, string>> = {
  Department: 'Sales',
  PrimarySmtpAddress: 'ann@acme.test',
  DisplayName: "Ann O'Neil",
  Office: 'Paris 8e',
  Company: 'Acme',
  CustomAttribute1: 'sync',
  RecipientType: 'UserMailbox',
};
const finance: Partial<Record<FilterableProperty, string>> = { Department: 'Finance', PrimarySmtpAddress: 'bob@acme.test', Office: 'London' };
const blank: Partial<Record<FilterableProperty, string>> = { PrimarySmtpAddress: 'nodept@acme.test' };

const on = (r: Partial<Record<FilterableProperty, string>>) => (p: FilterableProperty) => r[p];

// [filter, matches sales, matches finance, matches blank]
const CASES: Array<[string, boolean, boolean, boolean]> = [
  ["Department -eq 'Sales'", true, false, false],
  ["department -EQ 'sales'", true, false, false],
  ['Department -eq "Sales"', true, false, false],
  ["Department -ne 'Sales'", false, true, true],
  ["Department -eq $null", false, false, true],
  ["Department -ne $null", true, true, false],
  ["PrimarySmtpAddress -like '*@acme.test'", true, true, true],
  ["Office -like 'Par*'", true, false, false],
  ["Office -like '*ar*8*'", true, false, false],
  ["Office -notlike 'Par*'", false, true, true],
  ["Office -like 'Paris'", false, false, false],
  ["DisplayName -eq 'Ann O''Neil'", true, false, false],
  ['DisplayName -eq "Ann O\'Neil"', true, false, false],
  ["Department -eq 'Sales' -or Department -eq 'Finance'", true, true, false],
  ["Department -eq 'Sales' -and Office -like 'London*'", false, false, false],
  ["-not (Department -eq 'Sales')", false, true, true],
  ["-not Department -eq 'Sales' -and Office -eq 'London'", false, true, false],
  // -and binds tighter than -or
  ["Department -eq 'Finance' -or Department -eq 'Sales' -and Office -eq 'Nowhere'", false, true, false],
  ["(Department -eq 'Finance' -or Department -eq 'Sales') -and Office -eq 'London'", false, true, false],
  ["{CustomAttribute1 -eq 'sync'}", true, false, false],
  ["RecipientType -eq 'UserMailbox' -and Company -eq 'ACME'", true, false, false],
  ["((Department -eq 'Sales'))", true, false, false],
];

describe('recipient filters (CONN-04)', () => {
  it.each(CASES)('%s', (filter, s, f, b) => {
    const compiled = compileRecipientFilter(filter);
    expect([compiled.matches(on(sales)), compiled.matches(on(finance)), compiled.matches(on(blank))]).toEqual([s, f, b]);
  });

  // [filter, position, fragment of the message]
  const ERRORS: Array<[string, number, string]> = [
    ['', 1, 'the filter is empty'],
    ["Department -eq Sales", 16, "expected a quoted value after -eq (e.g. Department -eq 'Sales')"],
    ["Departmnt -eq 'Sales'", 1, "unknown property 'Departmnt'"],
    ["Department -gt 'Sales'", 12, 'unsupported operator -gt'],
    ["Department 'Sales'", 12, 'expected -eq, -ne, -like or -notlike after Department'],
    ["Department -eq 'Sales", 16, 'unterminated string'],
    ["(Department -eq 'Sales'", 24, "expected ')' to close the '(' at position 1"],
    ["Department -eq 'Sales')", 23, "unexpected ')'"],
    ["Department -eq 'Sales' Office -eq 'x'", 24, 'join conditions with -and or -or'],
    ["Department -eq 'Sales' -and", 28, 'expected a property name'],
    ["Office -like $null", 14, '$null cannot be used with -like'],
    ["Department -eq 'Sales' & x", 24, "unexpected character '&'"],
    ["{Department -eq 'Sales'", 24, "expected '}'"],
  ];

  it.each(ERRORS)('rejects %j at position %i', (filter, position, fragment) => {
    let error: unknown;
    try {
      compileRecipientFilter(filter);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecipientFilterError);
    const e = error as RecipientFilterError;
    expect(e.position).toBe(position);
    expect(e.message).toContain(fragment);
    expect(e.message).toContain(`position ${position}`);
  });
});
