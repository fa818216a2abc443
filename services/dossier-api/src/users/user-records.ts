import type { FieldError, UserAccount, UserAccountPut, UserGrant } from '@ntm/contracts';
import type { Db, Prisma } from '@ntm/db';
import { grantShapeErrors, grantUnitLevelError, UnitLevel, type Grant } from '@ntm/domain';
import { toGrants } from '@ntm/identity';

/** What is read of a user; the password hash only to tell whether one is set, never to answer it. */
export const userSelect = {
  id: true,
  username: true,
  displayName: true,
  oidcSubject: true,
  disabled: true,
  passwordHash: true,
  createdAt: true,
  grants: {
    select: { role: true, unitCode: true, departmentCode: true },
    orderBy: [{ role: 'asc' }, { unitCode: 'asc' }, { departmentCode: 'asc' }],
  },
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export function accountOf(row: UserRow): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    oidcSubject: row.oidcSubject,
    disabled: row.disabled,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt.toISOString(),
    grants: toGrants(row.grants),
  };
}

export async function readAccount(db: Db | Prisma.TransactionClient, username: string): Promise<UserAccount | null> {
  const row = await db.user.findUnique({ where: { username }, select: userSelect });
  return row ? accountOf(row) : null;
}

/** What the audit trail keeps of a user: their state, without ids, timestamps or anything of the password but whether one is set. */
export function auditState(account: UserAccount) {
  const { username, displayName, oidcSubject, disabled, hasPassword, grants } = account;
  return { username, displayName, oidcSubject, disabled, hasPassword, grants };
}

const grantKey = (g: UserGrant) => JSON.stringify([g.role, g.unitCode, g.departmentCode]);

/** Whether the request would leave the user as they are (no password given, every other field equal). */
export function changesNothing(before: UserAccount, put: UserAccountPut): boolean {
  const same = (a: readonly UserGrant[], b: readonly UserGrant[]) => JSON.stringify(a.map(grantKey).sort()) === JSON.stringify(b.map(grantKey).sort());
  return (
    put.password === undefined &&
    put.displayName === before.displayName &&
    (put.oidcSubject === undefined || put.oidcSubject === before.oidcSubject) &&
    (put.disabled === undefined || put.disabled === before.disabled) &&
    same(put.grants, before.grants)
  );
}

/**
 * Everything wrong with a list of grants, one entry per field (`body.grants.0.unitCode`): the
 * shape each role needs (packages/domain), then whether the units exist at the level the role
 * needs and the departments exist in the unit's province. A field already wrong in shape is not
 * looked up.
 */
export async function grantErrors(db: Db, grants: readonly Grant[]): Promise<FieldError[]> {
  const at = (index: number, field: string | null) => ['body', 'grants', String(index), ...(field === null ? [] : [field])].join('.');
  const errors = grantShapeErrors(grants).map((e) => ({ location: at(e.index, e.field), message: e.message }));
  const wrong = new Set(errors.map((e) => e.location));

  const unitCodes = [...new Set(grants.flatMap((g) => (g.unitCode === null ? [] : [g.unitCode])))];
  const departmentKeys = grants.flatMap((g) => (g.unitCode !== null && g.departmentCode !== null ? [{ provinceCode: g.unitCode, code: g.departmentCode }] : []));
  const [units, departments] = await Promise.all([
    unitCodes.length === 0 ? [] : db.administrativeUnit.findMany({ where: { code: { in: unitCodes } }, select: { code: true, level: true } }),
    departmentKeys.length === 0 ? [] : db.department.findMany({ where: { OR: departmentKeys }, select: { provinceCode: true, code: true } }),
  ]);
  const unitLevel = new Map(units.map((u) => [u.code, u.level]));
  const departmentExists = new Set(departments.map((d) => `${d.provinceCode}/${d.code}`));

  grants.forEach((grant, index) => {
    const { role, unitCode, departmentCode } = grant;
    if (unitCode === null || wrong.has(at(index, 'unitCode'))) return;
    const level = UnitLevel.safeParse(unitLevel.get(unitCode));
    if (!level.success) {
      errors.push({ location: at(index, 'unitCode'), message: `Không có đơn vị "${unitCode}" trong danh mục.` });
      return;
    }
    const levelError = grantUnitLevelError(role, unitCode, level.data);
    if (levelError !== null) {
      errors.push({ location: at(index, 'unitCode'), message: levelError });
      return;
    }
    if (departmentCode !== null && !wrong.has(at(index, 'departmentCode')) && !departmentExists.has(`${unitCode}/${departmentCode}`)) {
      errors.push({ location: at(index, 'departmentCode'), message: `Tỉnh "${unitCode}" không có sở, ngành "${departmentCode}" trong danh mục.` });
    }
  });
  // In the order of the grants, as the person reads the list.
  const index = (location: string) => Number(location.split('.')[2]);
  return errors.sort((a, b) => index(a.location) - index(b.location));
}
