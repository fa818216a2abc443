import type { UnitLevel } from './catalog.js';
import { StageKind } from './approval-chain.js';

export const roles = [
  'commune_officer',
  'village_head',
  'department_officer',
  'district_officer',
  'provincial_office',
  'system_admin',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

/** Grants are stored with the role as plain text; anything else grants nothing. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/**
 * One role a user holds. unitCode: the unit it covers (commune for commune_officer, village for
 * village_head, district for district_officer, province for provincial_office and
 * department_officer (the department's province), any unit or null = everywhere for auditor, null
 * for system_admin). departmentCode only for department_officer.
 */
export interface Grant {
  role: Role;
  unitCode: string | null;
  departmentCode: string | null;
}

export interface Actor {
  id: string;
  grants: readonly Grant[];
}

export const commands = [
  'dossier.read',
  'dossier.create',
  'dossier.edit',
  'dossier.submit',
  'evidence.upload',
  'evidence.read',
  'evidence.delete',
  'appraisal.record',
  'appraisal.tasks',
  'confirmation.decide',
  'decision.decide',
  'recognition.revoke',
  'recognition.register',
  'campaign.manage',
  'campaign.read',
  'recognition.merge',
  'catalog.write',
  'users.manage',
  'audit.read',
  'status.record',
  'report.read',
] as const;
export type Command = (typeof commands)[number];

/** Where a dossier sits, enough to decide who may act on it. */
export interface DossierScope {
  /** The unit's ancestry, province first, the unit itself last, e.g. ['12', '110', '110-03628']. */
  unitChain: readonly string[];
  /** The level of the dossier's unit (the track's unit level). */
  unitLevel: 'village' | 'commune' | 'district';
  /** Level of the People's Committee that decides the dossier (the track's decision stage). */
  decidingLevel: 'district' | 'province';
  /** Whose people prepare the self-assessment (the track's self-assessment stage): 'village' lets the village head edit. */
  selfAssessmentLevel: 'village' | 'commune' | 'district';
  /**
   * Whose committee verifies or confirms the dossier (the track's confirmation stage): the district
   * after the appraisal (commune dossiers), or the commune before it (Lai Châu's village chain).
   * Absent: the district.
   */
  confirmationLevel?: 'commune' | 'district';
  /** Departments appraising this dossier and their criteria. */
  appraisers: readonly { departmentCode: string; criterionCodes: readonly string[] }[];
}

/** Who prepares a track's self-assessment, from its stages (the commune unless the track says otherwise). */
export function selfAssessmentLevelOf(stages: ReadonlyArray<{ kind: string; decidingLevel: string }>): DossierScope['selfAssessmentLevel'] {
  const level = stages.find((s) => s.kind === StageKind.selfAssessment)?.decidingLevel;
  return level === 'village' || level === 'district' ? level : 'commune';
}

/** Who verifies or confirms a track's dossiers, from its stages (the district unless the track says the commune). */
export function confirmationLevelOf(stages: ReadonlyArray<{ kind: string; decidingLevel: string }>): NonNullable<DossierScope['confirmationLevel']> {
  return stages.find((s) => s.kind === StageKind.confirmation)?.decidingLevel === 'commune' ? 'commune' : 'district';
}

/** A new dossier's scope, from its unit and its track's stages: who may act on it from then on. */
export function dossierScopeOf(dossier: {
  unitChain: readonly string[];
  unitLevel: DossierScope['unitLevel'];
  stages: ReadonlyArray<{ kind: string; decidingLevel: string }>;
  appraisers: DossierScope['appraisers'];
}): DossierScope {
  const decision = dossier.stages.find((s) => s.kind === StageKind.decision);
  return {
    unitChain: dossier.unitChain,
    unitLevel: dossier.unitLevel,
    decidingLevel: decision?.decidingLevel === 'district' ? 'district' : 'province',
    selfAssessmentLevel: selfAssessmentLevelOf(dossier.stages),
    confirmationLevel: confirmationLevelOf(dossier.stages),
    appraisers: dossier.appraisers.map(({ departmentCode, criterionCodes }) => ({ departmentCode, criterionCodes })),
  };
}

/**
 * What a command acts on. `dossier`: an existing dossier; departmentCode and criterionCode name the
 * appraisal for appraisal.record. `unit`: a unit outside any dossier — the unit to open a dossier
 * for (dossier.create), the province whose departmentCode's tasks are listed (appraisal.tasks), or
 * the unit whose catalog, users or audit trail is touched; unitChain is empty and unitLevel null for
 * the whole system.
 */
export type Target =
  | { kind: 'dossier'; scope: DossierScope; departmentCode?: string; criterionCode?: string }
  | { kind: 'unit'; unitChain: readonly string[]; unitLevel: UnitLevel | null; departmentCode?: string };

/** The target kind each command is checked against; a mismatch is a programming error. */
export const commandTargetKind: Record<Command, Target['kind']> = {
  'dossier.read': 'dossier',
  'dossier.create': 'unit',
  'dossier.edit': 'dossier',
  'dossier.submit': 'dossier',
  'evidence.upload': 'dossier',
  'evidence.read': 'dossier',
  'evidence.delete': 'dossier',
  'appraisal.record': 'dossier',
  'appraisal.tasks': 'unit',
  'confirmation.decide': 'dossier',
  'decision.decide': 'dossier',
  'recognition.revoke': 'dossier',
  'recognition.register': 'unit',
  'campaign.manage': 'unit',
  'campaign.read': 'unit',
  'recognition.merge': 'unit',
  'catalog.write': 'unit',
  'users.manage': 'unit',
  'audit.read': 'unit',
  'status.record': 'unit',
  'report.read': 'unit',
};

/**
 * Why a command is refused. no_role: no grant of a role that may ever run it. other_unit: such a
 * role is held but no grant covers the dossier or unit (an API answers 404 to reads so existence
 * does not leak). not_assigned: a grant covers it but the step is not assigned to it — a criterion
 * or department another department appraises, or a decision taken at the other level.
 */
export type DenialReason = 'no_role' | 'other_unit' | 'not_assigned';

export type AuthorizationDecision =
  | { allowed: true; grant: Grant }
  | { allowed: false; reason: DenialReason; message: string };

type Denial = Extract<AuthorizationDecision, { allowed: false }>;

/**
 * Commands each role may run somewhere. Coverage and assignment narrow this further: decisions and
 * revocations follow the deciding level, appraisals the department's assigned criteria.
 */
export const roleCommands: Record<Role, readonly Command[]> = {
  // The commune prepares and submits its own dossiers and its villages' dossiers, and verifies a
  // village's dossier where the track gives it that stage.
  commune_officer: [
    'dossier.read',
    'dossier.create',
    'dossier.edit',
    'dossier.submit',
    'evidence.upload',
    'evidence.read',
    'evidence.delete',
    'confirmation.decide',
  ],
  // The village prepares and submits its dossier where the track gives it the self-assessment;
  // the commune opens it.
  village_head: ['dossier.read', 'dossier.edit', 'dossier.submit', 'evidence.upload', 'evidence.read'],
  department_officer: ['dossier.read', 'evidence.read', 'appraisal.record', 'appraisal.tasks'],
  // Progress reports and the re-check campaign's view: a district reads its district, the province
  // (and its auditors) the province, a national auditor the country; the provincial office records
  // the periodic status of its units.
  district_officer: ['dossier.read', 'evidence.read', 'confirmation.decide', 'decision.decide', 'recognition.revoke', 'report.read', 'campaign.read'],
  // The provincial office also registers the province's earlier recognitions and runs its yearly re-check campaigns.
  provincial_office: [
    'dossier.read',
    'evidence.read',
    'decision.decide',
    'recognition.revoke',
    'recognition.merge',
    'recognition.register',
    'campaign.manage',
    'campaign.read',
    'status.record',
    'report.read',
  ],
  // Administrators run the system, not the program: no dossier access at all, not even reading.
  system_admin: ['catalog.write', 'users.manage'],
  auditor: ['dossier.read', 'evidence.read', 'audit.read', 'report.read', 'campaign.read'],
};

const commandNames: Record<Command, string> = {
  'dossier.read': 'xem hồ sơ',
  'dossier.create': 'lập hồ sơ',
  'dossier.edit': 'cập nhật hồ sơ',
  'dossier.submit': 'nộp hồ sơ',
  'evidence.upload': 'tải lên tài liệu minh chứng',
  'evidence.read': 'xem tài liệu minh chứng',
  'evidence.delete': 'xóa tài liệu minh chứng',
  'appraisal.record': 'ghi kết quả thẩm định tiêu chí',
  'appraisal.tasks': 'xem nhiệm vụ thẩm định',
  'confirmation.decide': 'xác nhận hoặc trả lại hồ sơ',
  'decision.decide': 'quyết định công nhận',
  'recognition.revoke': 'thu hồi quyết định công nhận',
  'recognition.register': 'đăng ký quyết định công nhận đã ban hành trước đây',
  'campaign.manage': 'quản lý đợt rà soát duy trì hằng năm',
  'campaign.read': 'xem tình hình đợt rà soát duy trì hằng năm',
  'recognition.merge': 'công nhận đơn vị sau sáp nhập không qua thẩm định',
  'catalog.write': 'cập nhật danh mục',
  'users.manage': 'quản lý người dùng',
  'audit.read': 'xem nhật ký truy vết',
  'status.record': 'ghi nhận kết quả thực hiện tiêu chí và kế hoạch đạt chuẩn',
  'report.read': 'xem báo cáo kết quả xây dựng nông thôn mới',
};

const committeeNames: Record<DossierScope['decidingLevel'] | NonNullable<DossierScope['confirmationLevel']>, string> = {
  commune: 'Ủy ban nhân dân cấp xã',
  district: 'Ủy ban nhân dân cấp huyện',
  province: 'Ủy ban nhân dân cấp tỉnh',
};

/** Specific denials win over vaguer ones when no grant allows: the user learns the most useful reason. */
const reasonRank: Record<DenialReason, number> = { no_role: 0, other_unit: 1, not_assigned: 2 };

const deny = (reason: DenialReason, message: string): Denial => ({ allowed: false, reason, message });

/**
 * Whether the actor may run the command on the target, and under which grant. Any one grant is
 * enough; the first allowing grant, in the actor's order, is reported.
 */
export function authorize(actor: Actor, command: Command, target: Target): AuthorizationDecision {
  const expected = commandTargetKind[command];
  if (target.kind !== expected) {
    throw new TypeError(`${command} is checked against a ${expected} target, not a ${target.kind} target`);
  }
  let denial = deny('no_role', `Tài khoản không có vai trò được phép ${commandNames[command]}.`);
  let denialRank = -1;
  for (const grant of actor.grants) {
    const outcome = checkGrant(grant, command, target);
    if (outcome === null) return { allowed: true, grant };
    // Between equal reasons, the grant of the department the command names explains best.
    const rank = reasonRank[outcome.reason] * 2 + (target.departmentCode !== undefined && grant.departmentCode === target.departmentCode ? 1 : 0);
    if (rank > denialRank) [denial, denialRank] = [outcome, rank];
  }
  return denial;
}

/** Whether the actor may read the dossier at all; lists and 404s follow this. */
export function canSee(actor: Actor, scope: DossierScope): boolean {
  return authorize(actor, 'dossier.read', { kind: 'dossier', scope }).allowed;
}

/** One grant's verdict: null when it allows the command. */
function checkGrant(grant: Grant, command: Command, target: Target): Denial | null {
  if (!isRole(grant.role) || !roleCommands[grant.role].includes(command)) {
    return deny('no_role', `Tài khoản không có vai trò được phép ${commandNames[command]}.`);
  }
  if (!covers(grant, target)) {
    const what = target.kind === 'dossier' ? 'hồ sơ' : 'đơn vị';
    return deny('other_unit', `Không thể ${commandNames[command]}: ${what} không thuộc phạm vi phụ trách của tài khoản.`);
  }
  return assignment(grant, command, target);
}

/** Whether the grant's unit (and, for a department, its appraisal role) covers the target. */
function covers(grant: Grant, target: Target): boolean {
  const chain = target.kind === 'dossier' ? target.scope.unitChain : target.unitChain;
  const level = target.kind === 'dossier' ? target.scope.unitLevel : target.unitLevel;
  const { unitCode, departmentCode } = grant;
  // A grant missing the unit its role needs covers nothing rather than everything.
  switch (grant.role) {
    case 'commune_officer':
    case 'district_officer':
      return unitCode !== null && chain.includes(unitCode);
    case 'village_head':
      return unitCode !== null && level === 'village' && chain.at(-1) === unitCode;
    case 'provincial_office':
      return unitCode !== null && chain[0] === unitCode;
    case 'department_officer':
      if (unitCode === null || departmentCode === null || chain[0] !== unitCode) return false;
      // A department sees only the dossiers it appraises; the province is enough for its task list.
      return target.kind === 'unit' || target.scope.appraisers.some((a) => a.departmentCode === departmentCode);
    case 'system_admin':
      return true;
    case 'auditor':
      return unitCode === null || chain.includes(unitCode);
  }
}

/** Commands that prepare the dossier's content: the village head's share of them depends on the track. */
const preparing: readonly Command[] = ['dossier.edit', 'dossier.submit', 'evidence.upload'];

/** The checks beyond coverage: who prepares, which department appraises what, and which level decides. */
function assignment(grant: Grant, command: Command, target: Target): Denial | null {
  if (grant.role === 'village_head' && target.kind === 'dossier' && preparing.includes(command) && target.scope.selfAssessmentLevel !== 'village') {
    return deny('not_assigned', 'Bước tự đánh giá của loại hồ sơ này do Ủy ban nhân dân xã thực hiện; trưởng thôn, bản chỉ xem được hồ sơ.');
  }
  if (command === 'appraisal.record' && target.kind === 'dossier') return appraisalAssignment(grant, target);
  if (command === 'appraisal.tasks' && target.departmentCode !== grant.departmentCode) {
    return deny('not_assigned', `Tài khoản chỉ được xem nhiệm vụ thẩm định của ${grant.departmentCode ?? 'đơn vị được giao'}.`);
  }
  if (command === 'confirmation.decide' && target.kind === 'dossier') {
    const grantLevel = grant.role === 'commune_officer' ? 'commune' : 'district';
    const confirmationLevel = target.scope.confirmationLevel ?? 'district';
    if (grantLevel !== confirmationLevel) {
      return deny('not_assigned', `Việc xác nhận hoặc trả lại hồ sơ này thuộc thẩm quyền của ${committeeNames[confirmationLevel]}.`);
    }
  }
  if ((command === 'decision.decide' || command === 'recognition.revoke') && target.kind === 'dossier') {
    const grantLevel = grant.role === 'district_officer' ? 'district' : 'province';
    const { decidingLevel } = target.scope;
    if (grantLevel !== decidingLevel) {
      return deny('not_assigned', `Việc ${commandNames[command]} hồ sơ này thuộc thẩm quyền của ${committeeNames[decidingLevel]}.`);
    }
  }
  return null;
}

function appraisalAssignment(grant: Grant, target: Extract<Target, { kind: 'dossier' }>): Denial | null {
  const { departmentCode, criterionCode } = target;
  if (departmentCode === undefined || criterionCode === undefined) {
    return deny('not_assigned', 'Chưa nêu rõ đơn vị thẩm định và tiêu chí được thẩm định.');
  }
  if (departmentCode !== grant.departmentCode) {
    return deny('not_assigned', `Tài khoản không thuộc ${departmentCode} nên không được ghi kết quả thẩm định thay đơn vị này.`);
  }
  const assigned = target.scope.appraisers.some(
    (a) => a.departmentCode === departmentCode && a.criterionCodes.includes(criterionCode),
  );
  if (!assigned) {
    return deny('not_assigned', `Tiêu chí ${criterionCode} của hồ sơ này không được giao cho ${departmentCode} thẩm định.`);
  }
  return null;
}

/**
 * Which dossiers an actor may see, as data an API turns into a database filter. A dossier is
 * visible when `everywhere`, when any of `unitCodes` is in its unitChain, or when its province is a
 * `departmentCodes` entry's province and that department appraises it. Matches `canSee` for
 * consistent scopes (a village code only ever ends a village dossier's chain).
 */
export interface ScopeFilter {
  everywhere: boolean;
  unitCodes: string[];
  departmentCodes: { provinceCode: string; departmentCode: string }[];
}

export function visibleScopeFilter(actor: Actor): ScopeFilter {
  const unitCodes = new Set<string>();
  const departments = new Map<string, { provinceCode: string; departmentCode: string }>();
  let everywhere = false;
  for (const grant of actor.grants) {
    if (!isRole(grant.role)) continue;
    const { unitCode, departmentCode } = grant;
    switch (grant.role) {
      case 'commune_officer':
      case 'village_head':
      case 'district_officer':
      case 'provincial_office':
        if (unitCode !== null) unitCodes.add(unitCode);
        break;
      case 'department_officer':
        if (unitCode !== null && departmentCode !== null) {
          departments.set(`${unitCode}/${departmentCode}`, { provinceCode: unitCode, departmentCode });
        }
        break;
      case 'auditor':
        if (unitCode === null) everywhere = true;
        else unitCodes.add(unitCode);
        break;
      case 'system_admin':
        break;
    }
  }
  // Everything is visible: the lists would only add a pointless filter.
  if (everywhere) return { everywhere, unitCodes: [], departmentCodes: [] };
  return { everywhere, unitCodes: [...unitCodes], departmentCodes: [...departments.values()] };
}

/** The filter applied in memory; what the database filter built from it must agree with. */
export function matchesScopeFilter(filter: ScopeFilter, scope: DossierScope): boolean {
  if (filter.everywhere) return true;
  if (filter.unitCodes.some((code) => scope.unitChain.includes(code))) return true;
  return filter.departmentCodes.some(
    (d) => scope.unitChain[0] === d.provinceCode && scope.appraisers.some((a) => a.departmentCode === d.departmentCode),
  );
}
