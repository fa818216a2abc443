import { useEffect, useState } from 'react';
import { dossierApi } from '../api/client.js';

/** Names of units and of departments (by province), read from the catalog once per page load. */
const unitNames = new Map<string, Promise<string | null>>();
const departmentNames = new Map<string, Promise<Map<string, string>>>();

function unitName(code: string): Promise<string | null> {
  let known = unitNames.get(code);
  if (!known) {
    known = dossierApi.GET('/catalog/units/{code}', { params: { path: { code } } }).then(({ data }) => data?.name ?? null, () => null);
    unitNames.set(code, known);
  }
  return known;
}

function departmentsOf(provinceCode: string): Promise<Map<string, string>> {
  let known = departmentNames.get(provinceCode);
  if (!known) {
    known = dossierApi
      .GET('/catalog/provinces/{code}/departments', { params: { path: { code: provinceCode } } })
      .then(({ data }) => new Map((data ?? []).map((d) => [d.code, d.name])), () => new Map<string, string>());
    departmentNames.set(provinceCode, known);
  }
  return known;
}

type GrantLike = { unitCode: string | null; departmentCode: string | null };

/** What a grant's unit and department are called, keyed `unit:<code>` and `department:<province>/<code>`. */
export type GrantNames = ReadonlyMap<string, string>;

export const unitKey = (code: string) => `unit:${code}`;
export const departmentKey = (provinceCode: string, code: string) => `department:${provinceCode}/${code}`;

/**
 * The catalog's names for the units and departments of these grants, as they arrive; a grant shows
 * its codes until then (and for a unit the catalog no longer has). Names are never written in the page.
 */
export function useGrantNames(grants: readonly GrantLike[]): GrantNames {
  const [names, setNames] = useState<GrantNames>(new Map());
  // What the names depend on, as one value for the effect: the grants' units and departments.
  const wanted = [...new Set(grants.map((g) => `${g.unitCode}/${g.departmentCode}`))].sort().join(',');
  useEffect(() => {
    let live = true;
    const units = [...new Set(grants.flatMap((g) => (g.unitCode === null ? [] : [g.unitCode])))];
    const provinces = [...new Set(grants.flatMap((g) => (g.unitCode !== null && g.departmentCode !== null ? [g.unitCode] : [])))];
    void Promise.all([Promise.all(units.map(async (code) => [code, await unitName(code)] as const)), Promise.all(provinces.map(async (code) => [code, await departmentsOf(code)] as const))]).then(([unitRows, departmentRows]) => {
      if (!live) return;
      const found = new Map<string, string>();
      for (const [code, name] of unitRows) if (name !== null) found.set(unitKey(code), name);
      for (const [province, departments] of departmentRows) for (const [code, name] of departments) found.set(departmentKey(province, code), name);
      setNames(found);
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  return names;
}
