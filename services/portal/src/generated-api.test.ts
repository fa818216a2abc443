import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedApiTypes } from '../scripts/api-types.js';

const webSources = resolve(import.meta.dirname, '..', 'web', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'generated' ? [] : sources(join(dir, e.name))) : [join(dir, e.name)]));
}

describe("the portal's typed API client", () => {
  it('is generated from the OpenAPI documents the services serve, with the operations the portal calls', async () => {
    const types = await generatedApiTypes();
    expect(Object.keys(types).sort()).toEqual(['dossier-api.ts', 'evidence-api.ts']);
    for (const path of ['"/dossiers"', '"/dossiers/{id}/available-commands"', '"/dossiers/{id}/checklist"', '"/auth/logout"']) expect(types['dossier-api.ts']).toContain(path);
    expect(types['evidence-api.ts']).toContain('"/dossiers/{dossierId}/evidence"');
  }, 60_000);

  it('keeps Temporal and server code out of the browser bundle: web sources import no @temporalio, @ntm/contracts or workflow module', () => {
    const offending = sources(webSources).filter((file) => /from '(@temporalio\/|@ntm\/(contracts|workflows|db|access|identity))/.test(readFileSync(file, 'utf8')));
    expect(offending).toEqual([]);
  });
});
