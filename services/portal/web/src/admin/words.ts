import { roles, type Role } from '@ntm/domain/authorization';
import { grantShapes, roleNames, unitLevelNames } from '@ntm/domain/grants';

/** A name from the domain's vocabulary as a label: its first letter in capitals. */
export const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);

/** Role names as the domain says them (packages/domain/src/grants.ts), as labels. */
export const roleLabel = (role: Role) => capitalized(roleNames[role]);
export const roleOptions = roles.map((role) => ({ value: role, label: roleLabel(role) }));

/** What a grant of the role names: the unit (at which level, whether required) and a department. */
export const shapeOf = (role: Role) => grantShapes[role];

/** The label of a grant's unit field: "Xã phụ trách", "Tỉnh phụ trách", or any unit for an auditor. */
export function unitFieldLabel(role: Role): string {
  const { unit, unitLevel } = grantShapes[role];
  if (unitLevel !== null) return `${capitalized(unitLevelNames[unitLevel])} phụ trách`;
  return unit === 'optional' ? 'Đơn vị phụ trách (để trống: toàn quốc)' : 'Đơn vị phụ trách';
}
