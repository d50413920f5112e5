import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseOrgFile } from '../../src/rehearsal/load.ts';
import { buildRehearsalWorld } from '../../src/rehearsal/build-world.ts';
import { orgJsonSchema } from '../../src/rehearsal/schema.ts';

const ACME = new URL('../../examples/rehearsal/acme.yaml', import.meta.url);

describe('ORG.yaml', () => {
  it('same file + seed → same company; another seed → another company (G-08)', async () => {
    const file = parseOrgFile(await readFile(ACME, 'utf8'), 'acme.yaml');
    const a = buildRehearsalWorld(file, 7);
    const b = buildRehearsalWorld(file, 7);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = buildRehearsalWorld(file, 8);
    expect(c.reps.map((r) => r.alias)).not.toEqual(a.reps.map((r) => r.alias));
    expect(a.reps).toHaveLength(11);
  });

  it('names file:line:column and the field of a wrong value', () => {
    const text = 'exchange:\n  domain: acme.test\norgs:\n  - id: prod\n    kind: production\ngroups:\n  - name: east\n    orgs: [prod]\n    reps: -2\n';
    expect(() => parseOrgFile(text, 'org.yaml')).toThrow(/^org\.yaml:9:11 groups\[0\]\.reps: /);
  });

  it('names a group that points at an unknown org, with the orgs that exist', () => {
    const text = 'exchange:\n  domain: acme.test\norgs:\n  - id: prod\n    kind: production\ngroups:\n  - name: east\n    orgs: [prd]\n    reps: 2\n';
    expect(() => parseOrgFile(text, 'org.yaml')).toThrow('org.yaml:8:12 groups[0].orgs[0]: no org "prd" — orgs are prod');
  });

  it('refuses more special reps than reps', () => {
    const text = 'exchange:\n  domain: acme.test\norgs:\n  - id: prod\n    kind: production\ngroups:\n  - name: east\n    orgs: [prod]\n    reps: 1\n    outsideScope: 1\n    legacy2010: 1\n';
    expect(() => parseOrgFile(text, 'org.yaml')).toThrow(/groups\[0\]\.reps: outsideScope \+ legacy2010 \+ overCap \(2\) exceed reps \(1\)/);
  });

  it('schemas/org.schema.json is up to date (npx tsx src/rehearsal/write-json-schema.ts)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../schemas/org.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(orgJsonSchema());
  });
});
