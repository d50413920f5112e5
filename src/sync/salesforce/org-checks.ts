/**
 * @module
 * Org-level preconditions read once per engine: the edition (CONN-11: Lightning Sync exists only in Professional,
 * Enterprise, Performance, Unlimited and Developer editions). An org that cannot say (the query is refused) is not
 * blocked here: the setup reads that follow fail with their own, clearer error.
 */
import { OrgPausedError } from './sf-error.ts';
import type { SalesforceSession } from './sf-session.ts';
import { queryRecords } from './soql.ts';

const SUPPORTED = ['Professional Edition', 'Enterprise Edition', 'Performance Edition', 'Unlimited Edition', 'Developer Edition'];

export type EditionVerdict = { supported: true; edition: string | undefined } | { supported: false; edition: string };

export async function checkEdition(session: SalesforceSession): Promise<EditionVerdict> {
  let rows: Array<{ OrganizationType?: string }>;
  try {
    rows = await queryRecords<{ OrganizationType?: string }>(session, 'SELECT OrganizationType FROM Organization');
  } catch (error) {
    if (error instanceof OrgPausedError) throw error;
    return { supported: true, edition: undefined };
  }
  const edition = rows[0]?.OrganizationType;
  if (!edition || SUPPORTED.includes(edition)) return { supported: true, edition };
  return { supported: false, edition };
}
