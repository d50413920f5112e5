/**
 * @module
 * Regenerates schemas/scenario.schema.json from the zod schema: `npx tsx src/scenario/write-json-schema.ts`.
 * test/scenario/json-schema.test.ts fails when the committed file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from './schema.ts';

export const JSON_SCHEMA_PATH = fileURLToPath(new URL('../../schemas/scenario.schema.json', import.meta.url));

export function renderJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(JSON_SCHEMA_PATH, renderJsonSchema());
  process.stdout.write(`wrote ${JSON_SCHEMA_PATH}\n`);
}
