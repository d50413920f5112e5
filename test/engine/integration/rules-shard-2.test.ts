/**
 * Issue #4, shard 2 of 2 of the rule-ID integration tests (rules.test.ts explains; rules/rule-suite.ts does the work).
 */
import { defineRuleSuite } from './rules/rule-suite.ts';

await defineRuleSuite(1, 2);
