import { mkdirSync, writeFileSync } from 'node:fs';
import { generatedApiTypes, generatedDir } from './api-types.js';

// Writes web/src/api/generated/*.ts, the types of the typed client, from the APIs' OpenAPI documents.
// Not committed: `pnpm typecheck` and `pnpm lint` run this first, so the client always matches the APIs.
mkdirSync(generatedDir, { recursive: true });
for (const [file, text] of Object.entries(await generatedApiTypes())) {
  writeFileSync(`${generatedDir}/${file}`, text);
}
