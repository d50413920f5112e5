/** @module Salesforce's fixed SOQL limits the sim enforces. */

/** OFFSET above this → NUMBER_OUTSIDE_VALID_RANGE ("Maximum SOQL offset allowed is 2000"). */
export const MAX_OFFSET = 2000;
