/**
 * @module
 * Writes schemas/org.schema.json from the zod schema (`npx tsx src/rehearsal/write-json-schema.ts`). A test keeps
 * the committed file in step with the schema.
 */
import { writeFile } from 'node:fs/promises';
import { orgJsonSchema } from './schema.ts';

await writeFile(new URL('../../schemas/org.schema.json', import.meta.url), `${JSON.stringify(orgJsonSchema(), null, 2)}\n`);
