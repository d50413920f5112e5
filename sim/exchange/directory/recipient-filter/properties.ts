/**
 * Recipient properties a management-scope filter may name (CONN-04). Names are case-insensitive in OPATH; the
 * canonical spelling is Exchange's.
 */

const CUSTOM_ATTRIBUTES = Array.from({ length: 15 }, (_, i) => `CustomAttribute${i + 1}`);

export const FILTERABLE_PROPERTIES = [
  'Alias',
  'Company',
  'Department',
  'DisplayName',
  'Name',
  'Office',
  'PrimarySmtpAddress',
  'RecipientType',
  'RecipientTypeDetails',
  'UserPrincipalName',
  'WindowsEmailAddress',
  ...CUSTOM_ATTRIBUTES,
] as const;

export type FilterableProperty = (typeof FILTERABLE_PROPERTIES)[number];

const BY_LOWER = new Map<string, FilterableProperty>(FILTERABLE_PROPERTIES.map((p) => [p.toLowerCase(), p]));

export function canonicalProperty(name: string): FilterableProperty | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

/** What a filter reads from a recipient: the value of a property, or undefined when it is not set. */
export type RecipientProperties = (property: FilterableProperty) => string | undefined;
