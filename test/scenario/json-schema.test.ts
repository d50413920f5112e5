import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_PATH, renderJsonSchema } from '../../src/scenario/write-json-schema.ts';
import { CATALOGUE } from '../../src/scenario/catalogue.ts';

describe('schemas/scenario.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npx tsx src/scenario/write-json-schema.ts)', async () => {
    const committed = await readFile(JSON_SCHEMA_PATH, 'utf8');
    expect(committed === renderJsonSchema(), 'schemas/scenario.schema.json is stale — run npx tsx src/scenario/write-json-schema.ts').toBe(true);
  });

  it('offers the catalogue IDs for rules and every step kind to editors', () => {
    const schema = JSON.parse(renderJsonSchema());
    const deref = (node: { $ref?: string }) => (node.$ref ? schema.$defs[node.$ref.replace('#/$defs/', '')] : node);
    expect(deref(deref(schema.properties.rules).items).enum).toEqual(CATALOGUE.map((r) => r.id));
    const text = JSON.stringify(schema);
    for (const kind of ['sync', 'advance', 'exchange.update', 'salesforce.update', 'admin.reset-sync', 'faults']) expect(text).toContain(`"${kind}"`);
  });
});

describe('rule catalogue', () => {
  it('lists the 68 SPEC IDs of §§1–8 once each, with a title and family', () => {
    const ids = CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(68);
    expect(CATALOGUE.filter((r) => r.family === 'G').map((r) => r.id)).toEqual(['G-01', 'G-02', 'G-03', 'G-04', 'G-05', 'G-06', 'G-07', 'G-08', 'G-09']);
    for (const rule of CATALOGUE) expect(rule.title.length, rule.id).toBeGreaterThan(10);
  });
});
