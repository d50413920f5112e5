import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, loadKnownFailures } from '../../src/report/known-failures.ts';
import type { ExpectationResult } from '../../src/report/model.ts';

const result = (over: Partial<ExpectationResult>): ExpectationResult => ({
  id: 'orgs/x#expect[1]', scenario: 'orgs/x', name: 'collision reported', kind: 'finding', rules: ['ORG-01'], verdict: 'FAIL', at: 0, durationMs: 0, ...over,
});

describe('known failures', () => {
  it('classifies FAIL/ERROR as known or regression, and a PASS on a listed entry as fixed', () => {
    const known = [{ scenario: 'orgs/*', rule: 'ORG-01', reason: 'collision findings not implemented yet' }];
    expect(classify(result({}), known)).toMatchObject({ classification: 'known-failure', known: { reason: 'collision findings not implemented yet' } });
    expect(classify(result({ rules: ['ORG-02'] }), known).classification).toBe('regression');
    expect(classify(result({ verdict: 'ERROR', scenario: 'events/y', id: 'events/y#expect[0]' }), known).classification).toBe('regression');
    expect(classify(result({ verdict: 'PASS' }), known).classification).toBe('fixed');
    expect(classify(result({ verdict: 'SKIP' }), known).classification).toBeUndefined();
    expect(classify(result({}), [{ scenario: 'orgs/x', expectation: '#expect[0]', reason: 'another expectation entirely' }]).classification).toBe('regression');
    expect(classify(result({}), [{ scenario: 'orgs/x', expectation: 'collision reported', reason: 'matched by the expectation name' }]).classification).toBe('known-failure');
  });

  it('a missing file is an empty list; a malformed entry names the entry and the field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scn-known-'));
    expect(await loadKnownFailures(path.join(dir, 'none.yaml'))).toEqual([]);
    const file = path.join(dir, 'known.yaml');
    await writeFile(file, '- scenario: orgs/x\n');
    await expect(loadKnownFailures(file)).rejects.toThrow(`${file}: entry 0 (orgs/x) field reason: missing`);
  });
});
