import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configVariableNames } from '@ntm/config';
import { searchAttributeDefinitions } from '@ntm/contracts';
import { repoRoot } from '../stack/paths.js';

// docker-compose cannot run on the project's machines; these checks keep it in step with the code.
const compose = readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8');

describe('docker-compose.yml', () => {
  it('uses only configuration variables the code reads', () => {
    const used = new Set(compose.match(/\bNTM_[A-Z0-9_]+/g));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((name) => !configVariableNames.includes(name))).toEqual([]);
  });

  it('registers exactly the search attributes the workflows use', () => {
    const line = compose.split('\n').find((l) => l.includes('for a in Ntm')) ?? '';
    const registered = Object.fromEntries([...line.matchAll(/(Ntm\w+):(\w+)/g)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']));
    expect(registered).toEqual(searchAttributeDefinitions);
  });

  it('builds every service from the one Dockerfile target that exists', () => {
    const dockerfile = readFileSync(join(repoRoot, 'infra/docker/Dockerfile'), 'utf8');
    const targets = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    const wanted = [...compose.matchAll(/target: ([\w-]+)/g)].map((m) => m[1]);
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.filter((t) => !targets.includes(t))).toEqual([]);
  });
});
