/** @module Salesforce's fixed SOQL limits the sim enforces (so an engine that breaks them fails here as it would live). */

/** OFFSET above this → NUMBER_OUTSIDE_VALID_RANGE ("Maximum SOQL offset allowed is 2000"). */
export const MAX_OFFSET = 2000;

/** Longer query text → MALFORMED_QUERY. The engine chunks long IN lists to stay under it. */
export const MAX_QUERY_LENGTH = 100_000;

/** Child-to-parent paths may climb at most five relationships (Contact.Account.Owner.Manager…). */
export const MAX_RELATIONSHIP_HOPS = 5;
