/**
 * Issue #4: one describe per rule ID of SPEC §§1–6 and G-01..G-09, running every conformance scenario that cites it
 * (both sims on port 0, the engine through the real clients) and asserting every expectation PASSES. This file is
 * shard 1 of 2; rules-shard-2.test.ts runs the other half of the scenarios in parallel (see rules/rule-suite.ts).
 */
import { defineRuleSuite } from './rules/rule-suite.ts';

await defineRuleSuite(0, 2);
