import { describe, expect, it } from 'vitest';
import type { UnitLevel } from './catalog.js';
import { roles, type Grant, type Role } from './authorization.js';
import { grantShapeErrors, grantShapes, grantUnitLevelError } from './grants.js';

const grant = (role: Role, unitCode: string | null, departmentCode: string | null = null): Grant => ({ role, unitCode, departmentCode });

describe('grant shapes: which role needs which fields', () => {
  // [role, unitCode, departmentCode, fields in error]
  const table: Array<[Role, string | null, string | null, Array<'unitCode' | 'departmentCode'>]> = [
    ['commune_officer', '110-03628', null, []],
    ['commune_officer', null, null, ['unitCode']],
    ['commune_officer', '110-03628', 'SXD', ['departmentCode']],
    ['village_head', '110-03628-B01', null, []],
    ['village_head', null, null, ['unitCode']],
    ['district_officer', '110', null, []],
    ['district_officer', null, 'SXD', ['unitCode', 'departmentCode']],
    ['provincial_office', '12', null, []],
    ['provincial_office', null, null, ['unitCode']],
    ['department_officer', '12', 'SXD', []],
    ['department_officer', '12', null, ['departmentCode']],
    ['department_officer', null, 'SXD', ['unitCode']],
    ['department_officer', null, null, ['unitCode', 'departmentCode']],
    ['system_admin', null, null, []],
    ['system_admin', '12', null, ['unitCode']],
    ['system_admin', null, 'SXD', ['departmentCode']],
    ['auditor', null, null, []],
    ['auditor', '12', null, []],
    ['auditor', '110', 'SXD', ['departmentCode']],
  ];

  it.each(table)('%s with unit %s and department %s: errors on %j', (role, unitCode, departmentCode, fields) => {
    const errors = grantShapeErrors([grant(role, unitCode, departmentCode)]);
    expect(errors.map((e) => e.field)).toEqual(fields);
    expect(errors.every((e) => e.index === 0 && e.message.length > 0)).toBe(true);
  });

  it('covers every role', () => {
    expect(new Set(table.map(([role]) => role))).toEqual(new Set(roles));
    expect(Object.keys(grantShapes).sort()).toEqual([...roles].sort());
  });

  it('names the grant by its place in the list, in Vietnamese', () => {
    const errors = grantShapeErrors([grant('system_admin', null), grant('department_officer', '12', null)]);
    expect(errors).toEqual([{ index: 1, field: 'departmentCode', message: 'Vai trò cán bộ sở, ngành cần mã sở, ngành.' }]);
  });

  it('refuses the same grant twice, and allows the same role on two units', () => {
    const twice = grantShapeErrors([grant('commune_officer', 'A'), grant('commune_officer', 'B'), grant('commune_officer', 'A')]);
    expect(twice).toEqual([{ index: 2, field: null, message: expect.stringContaining('đã có') }]);
    expect(grantShapeErrors([])).toEqual([]);
  });
});

describe('the level of a grant unit', () => {
  const table: Array<[Role, UnitLevel, boolean]> = [
    ['commune_officer', 'commune', true],
    ['commune_officer', 'district', false],
    ['village_head', 'village', true],
    ['village_head', 'commune', false],
    ['district_officer', 'district', true],
    ['district_officer', 'province', false],
    ['provincial_office', 'province', true],
    ['provincial_office', 'district', false],
    ['department_officer', 'province', true],
    ['department_officer', 'district', false],
    ['auditor', 'province', true],
    ['auditor', 'commune', true],
  ];

  it.each(table)('%s on a %s unit: suits = %s', (role, level, suits) => {
    const error = grantUnitLevelError(role, 'X', level);
    expect(error === null).toBe(suits);
  });

  it('explains a mismatch in Vietnamese', () => {
    expect(grantUnitLevelError('commune_officer', '110', 'district')).toBe('Đơn vị "110" là cấp huyện; vai trò công chức xã cần một đơn vị cấp xã.');
  });
});
