import type { UnitLevel } from './catalog.js';
import type { Grant, Role } from './authorization.js';

/**
 * Which fields a grant of each role must carry. unit: the grant's unitCode is required, optional
 * (null = everywhere, the auditor) or must be null (the administrator, who acts on the whole
 * system); unitLevel: the level that unit must be, null when any level will do. Department officers
 * hold the department's province as their unit, as the authorization rules expect.
 */
export const grantShapes: Record<Role, { unit: 'required' | 'optional' | 'none'; unitLevel: UnitLevel | null; department: boolean }> = {
  commune_officer: { unit: 'required', unitLevel: 'commune', department: false },
  village_head: { unit: 'required', unitLevel: 'village', department: false },
  department_officer: { unit: 'required', unitLevel: 'province', department: true },
  district_officer: { unit: 'required', unitLevel: 'district', department: false },
  provincial_office: { unit: 'required', unitLevel: 'province', department: false },
  system_admin: { unit: 'none', unitLevel: null, department: false },
  auditor: { unit: 'optional', unitLevel: null, department: false },
};

/** Role names as people read them. */
export const roleNames: Record<Role, string> = {
  commune_officer: 'công chức xã',
  village_head: 'trưởng thôn',
  department_officer: 'cán bộ sở, ngành',
  district_officer: 'cán bộ huyện',
  provincial_office: 'Văn phòng Điều phối nông thôn mới tỉnh',
  system_admin: 'quản trị hệ thống',
  auditor: 'kiểm toán viên',
};

export const unitLevelNames: Record<UnitLevel, string> = {
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
  ward: 'phường',
  town: 'thị trấn',
  village: 'thôn',
};

/** One field of one grant in a list that breaks the rules; field null means the grant as a whole. */
export interface GrantFieldError {
  index: number;
  field: 'unitCode' | 'departmentCode' | null;
  message: string;
}

/**
 * The shape rules for a list of grants, without looking anything up: each role has the unit and
 * department fields it needs and no others, and no grant is listed twice. Whether the codes exist
 * (and the unit's level) is for the caller, who has the catalog; see grantUnitLevelError.
 */
export function grantShapeErrors(grants: readonly Grant[]): GrantFieldError[] {
  const errors: GrantFieldError[] = [];
  const seen = new Set<string>();
  grants.forEach((grant, index) => {
    const shape = grantShapes[grant.role];
    const name = roleNames[grant.role];
    if (shape.unit === 'required' && grant.unitCode === null) {
      const level = shape.unitLevel === null ? 'đơn vị' : unitLevelNames[shape.unitLevel];
      errors.push({ index, field: 'unitCode', message: `Vai trò ${name} cần mã ${level} phụ trách.` });
    }
    if (shape.unit === 'none' && grant.unitCode !== null) {
      errors.push({ index, field: 'unitCode', message: `Vai trò ${name} áp dụng cho toàn hệ thống, không gắn với đơn vị; để trống (null).` });
    }
    if (shape.department && grant.departmentCode === null) {
      errors.push({ index, field: 'departmentCode', message: `Vai trò ${name} cần mã sở, ngành.` });
    }
    if (!shape.department && grant.departmentCode !== null) {
      errors.push({ index, field: 'departmentCode', message: `Chỉ vai trò ${roleNames.department_officer} mới gắn với sở, ngành; để trống (null).` });
    }
    const key = JSON.stringify([grant.role, grant.unitCode, grant.departmentCode]);
    if (seen.has(key)) errors.push({ index, field: null, message: 'Quyền này đã có ở trên trong danh sách.' });
    seen.add(key);
  });
  return errors;
}

/** Why a grant's unit, of `level`, does not suit its role; null when it does. */
export function grantUnitLevelError(role: Role, unitCode: string, level: UnitLevel): string | null {
  const wanted = grantShapes[role].unitLevel;
  if (wanted === null || wanted === level) return null;
  return `Đơn vị "${unitCode}" là cấp ${unitLevelNames[level]}; vai trò ${roleNames[role]} cần một đơn vị cấp ${unitLevelNames[wanted]}.`;
}
