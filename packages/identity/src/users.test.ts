import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogFile } from '@ntm/contracts';
import { seedCatalogDir, seedUsersDir } from '@ntm/db/seed';
import { readLocalUsersFiles } from './users.js';

const laiChau = CatalogFile.parse(JSON.parse(readFileSync(join(seedCatalogDir, 'lai-chau.json'), 'utf8')));

describe('the seeded local users (packages/db/seed/users)', () => {
  const files = readLocalUsersFiles();
  const users = files.flatMap((f) => f.content.users);

  it('are valid, with unique usernames and no password anywhere', () => {
    expect(files.map((f) => f.file)).toContain('lai-chau-local.json');
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    const keys = (v: unknown): string[] =>
      Array.isArray(v) ? v.flatMap(keys) : typeof v === 'object' && v !== null ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)]) : [];
    for (const f of files) {
      const raw: unknown = JSON.parse(readFileSync(join(seedUsersDir, f.file), 'utf8'));
      expect(keys(raw).filter((k) => /pass|hash|secret/i.test(k))).toEqual([]);
    }
  });

  it('hold grants on units and departments that the Lai Châu catalog has', () => {
    const units = new Map(laiChau.units.map((u) => [u.code, u.level]));
    const departments = new Set(laiChau.departments.map((d) => d.code));
    const expectedLevel = { commune_officer: 'commune', village_head: 'village', district_officer: 'district', provincial_office: 'province', department_officer: 'province' } as const;
    for (const { role, unitCode, departmentCode } of users.flatMap((u) => u.grants)) {
      if (role === 'system_admin') expect(unitCode).toBeNull();
      if (unitCode !== null) expect(units.has(unitCode), unitCode).toBe(true);
      if (role in expectedLevel && unitCode !== null) expect(units.get(unitCode)).toBe(expectedLevel[role as keyof typeof expectedLevel]);
      if (role === 'department_officer') expect(departments.has(departmentCode ?? ''), departmentCode ?? 'none').toBe(true);
      else expect(departmentCode).toBeNull();
    }
  });

  it('cover every role the local stack is tried with', () => {
    const roles = users.flatMap((u) => u.grants.map((g) => `${g.role}:${g.unitCode ?? '*'}`));
    expect(roles).toEqual(
      expect.arrayContaining([
        'commune_officer:110-03628',
        'commune_officer:106-03413',
        'commune_officer:106-03405',
        'district_officer:110',
        'provincial_office:12',
        'system_admin:*',
        'auditor:12',
      ]),
    );
    expect(users.filter((u) => u.grants.some((g) => g.role === 'department_officer')).length).toBeGreaterThanOrEqual(2);
  });
});
