import { describe, expect, it } from 'vitest';
import type { UnitLevel } from './catalog.js';
import {
  type Actor,
  type Command,
  type DenialReason,
  type DossierScope,
  type Grant,
  type Role,
  type Target,
  authorize,
  canSee,
  commandTargetKind,
  commands,
  matchesScopeFilter,
  roles,
  selfAssessmentLevelOf,
  visibleScopeFilter,
} from './authorization.js';

// Unit codes from packages/db/seed/catalog/lai-chau.json and lao-cai.json.
const LAI_CHAU = '12';
const THAN_UYEN = '110';
const TAM_DUONG = '106';
const PHA_MU = '110-03628';
const SON_BINH = '106-03413';
const GIANG_MA = '106-03405';
const LAO_CAI = '10';
const SA_PA = '088';
const TA_VAN = '088-03040';
// The catalog has no villages yet: these two villages of Pha Mu are invented.
const PHA_MU_B01 = '110-03628-B01';
const PHA_MU_B02 = '110-03628-B02';

/** Provincial departments on a commune dossier, as assigned in the Lai Châu catalog. */
const communeAppraisers = [
  { departmentCode: 'STNMT', criterionCodes: ['TC17'] },
  { departmentCode: 'SNV', criterionCodes: ['TC18'] },
  { departmentCode: 'STP', criterionCodes: ['TC18'] },
];

const communeDossier = (unitChain: string[]): DossierScope => ({
  unitChain,
  unitLevel: 'commune',
  decidingLevel: 'province',
  selfAssessmentLevel: 'commune',
  appraisers: communeAppraisers,
});

// A village dossier, prepared by the village (as its track says), appraised by the district's
// offices and decided by the district.
const villageDossier = (village: string): DossierScope => ({
  unitChain: [LAI_CHAU, THAN_UYEN, PHA_MU, village],
  unitLevel: 'village',
  decidingLevel: 'district',
  selfAssessmentLevel: 'village',
  appraisers: [{ departmentCode: '110-PNNPTNT', criterionCodes: ['TC03'] }],
});

const phaMu = communeDossier([LAI_CHAU, THAN_UYEN, PHA_MU]);
const sonBinh = communeDossier([LAI_CHAU, TAM_DUONG, SON_BINH]);
const giangMa = communeDossier([LAI_CHAU, TAM_DUONG, GIANG_MA]);
const taVan = communeDossier([LAO_CAI, SA_PA, TA_VAN]);
const phaMuB01 = villageDossier(PHA_MU_B01);
const phaMuB02 = villageDossier(PHA_MU_B02);
// Than Uyên's own district dossier, decided by the province.
const thanUyen: DossierScope = {
  unitChain: [LAI_CHAU, THAN_UYEN],
  unitLevel: 'district',
  decidingLevel: 'province',
  selfAssessmentLevel: 'district',
  appraisers: communeAppraisers,
};

const grant = (role: Role, unitCode: string | null, departmentCode: string | null = null): Grant => ({
  role,
  unitCode,
  departmentCode,
});
const actor = (...grants: Grant[]): Actor => ({ id: 'user-1', grants });

/** Every dossier target names STNMT's criterion 17; only appraisal.record looks at it. */
const onDossier = (scope: DossierScope, departmentCode = 'STNMT', criterionCode = 'TC17'): Target => ({
  kind: 'dossier',
  scope,
  departmentCode,
  criterionCode,
});
const onUnit = (unitChain: string[], unitLevel: UnitLevel | null, departmentCode = 'STNMT'): Target => ({
  kind: 'unit',
  unitChain,
  unitLevel,
  departmentCode,
});

const unitCommands: readonly Command[] = ['dossier.create', 'appraisal.tasks', 'catalog.write', 'users.manage', 'audit.read', 'recognition.merge', 'recognition.register', 'campaign.manage', 'campaign.read', 'status.record', 'report.read'];

type Places = { dossier: Target; unit: Target };
/** For each role: the grant, a dossier and unit it covers (own), and ones it does not (other). */
const fixtures: Record<Role, { grant: Grant; own: Places; other: Places }> = {
  commune_officer: {
    grant: grant('commune_officer', PHA_MU),
    own: { dossier: onDossier(phaMu), unit: onUnit([LAI_CHAU, THAN_UYEN, PHA_MU], 'commune') },
    other: { dossier: onDossier(sonBinh), unit: onUnit([LAI_CHAU, TAM_DUONG, SON_BINH], 'commune') },
  },
  village_head: {
    grant: grant('village_head', PHA_MU_B01),
    own: { dossier: onDossier(phaMuB01), unit: onUnit([LAI_CHAU, THAN_UYEN, PHA_MU, PHA_MU_B01], 'village') },
    other: { dossier: onDossier(phaMuB02), unit: onUnit([LAI_CHAU, THAN_UYEN, PHA_MU, PHA_MU_B02], 'village') },
  },
  department_officer: {
    grant: grant('department_officer', LAI_CHAU, 'STNMT'),
    own: { dossier: onDossier(phaMu), unit: onUnit([LAI_CHAU], 'province') },
    other: { dossier: onDossier(taVan), unit: onUnit([LAO_CAI], 'province') },
  },
  // Own is a village dossier, so the district also decides it.
  district_officer: {
    grant: grant('district_officer', THAN_UYEN),
    own: { dossier: onDossier(phaMuB01), unit: onUnit([LAI_CHAU, THAN_UYEN], 'district') },
    other: { dossier: onDossier(giangMa), unit: onUnit([LAI_CHAU, TAM_DUONG], 'district') },
  },
  provincial_office: {
    grant: grant('provincial_office', LAI_CHAU),
    own: { dossier: onDossier(phaMu), unit: onUnit([LAI_CHAU], 'province') },
    other: { dossier: onDossier(taVan), unit: onUnit([LAO_CAI], 'province') },
  },
  system_admin: {
    grant: grant('system_admin', null),
    own: { dossier: onDossier(phaMu), unit: onUnit([LAI_CHAU], 'province') },
    other: { dossier: onDossier(taVan), unit: onUnit([LAO_CAI], 'province') },
  },
  auditor: {
    grant: grant('auditor', LAI_CHAU),
    own: { dossier: onDossier(phaMu), unit: onUnit([LAI_CHAU], 'province') },
    other: { dossier: onDossier(taVan), unit: onUnit([LAO_CAI], 'province') },
  },
};

type Expected = 'allowed' | DenialReason;
const A = 'allowed';
const N = 'no_role';
const O = 'other_unit';
const T = 'not_assigned';

/** [own, other] for every role and command, written out by hand from the rules. */
const expected: Record<Role, Record<Command, readonly [Expected, Expected]>> = {
  commune_officer: {
    'dossier.read': [A, O],
    'dossier.create': [A, O],
    'dossier.edit': [A, O],
    'dossier.submit': [A, O],
    'evidence.upload': [A, O],
    'evidence.read': [A, O],
    'evidence.delete': [A, O],
    'appraisal.record': [N, N],
    'appraisal.tasks': [N, N],
    // Own is a commune dossier, confirmed by the district.
    'confirmation.decide': [T, O],
    'decision.decide': [N, N],
    'recognition.revoke': [N, N],
    'recognition.register': [N, N],
    'campaign.manage': [N, N],
    'campaign.read': [N, N],
    'recognition.merge': [N, N],
    'catalog.write': [N, N],
    'users.manage': [N, N],
    'audit.read': [N, N],
    'status.record': [N, N],
    'report.read': [N, N],
  },
  village_head: {
    'dossier.read': [A, O],
    'dossier.create': [N, N],
    'dossier.edit': [A, O],
    'dossier.submit': [A, O],
    'evidence.upload': [A, O],
    'evidence.read': [A, O],
    'evidence.delete': [N, N],
    'appraisal.record': [N, N],
    'appraisal.tasks': [N, N],
    'confirmation.decide': [N, N],
    'decision.decide': [N, N],
    'recognition.revoke': [N, N],
    'recognition.register': [N, N],
    'campaign.manage': [N, N],
    'campaign.read': [N, N],
    'recognition.merge': [N, N],
    'catalog.write': [N, N],
    'users.manage': [N, N],
    'audit.read': [N, N],
    'status.record': [N, N],
    'report.read': [N, N],
  },
  department_officer: {
    'dossier.read': [A, O],
    'dossier.create': [N, N],
    'dossier.edit': [N, N],
    'dossier.submit': [N, N],
    'evidence.upload': [N, N],
    'evidence.read': [A, O],
    'evidence.delete': [N, N],
    'appraisal.record': [A, O],
    'appraisal.tasks': [A, O],
    'confirmation.decide': [N, N],
    'decision.decide': [N, N],
    'recognition.revoke': [N, N],
    'recognition.register': [N, N],
    'campaign.manage': [N, N],
    'campaign.read': [N, N],
    'recognition.merge': [N, N],
    'catalog.write': [N, N],
    'users.manage': [N, N],
    'audit.read': [N, N],
    'status.record': [N, N],
    'report.read': [N, N],
  },
  district_officer: {
    'dossier.read': [A, O],
    'dossier.create': [N, N],
    'dossier.edit': [N, N],
    'dossier.submit': [N, N],
    'evidence.upload': [N, N],
    'evidence.read': [A, O],
    'evidence.delete': [N, N],
    'appraisal.record': [N, N],
    'appraisal.tasks': [N, N],
    'confirmation.decide': [A, O],
    'decision.decide': [A, O],
    'recognition.revoke': [A, O],
    'recognition.register': [N, N],
    'campaign.manage': [N, N],
    'campaign.read': [A, O],
    'recognition.merge': [N, N],
    'catalog.write': [N, N],
    'users.manage': [N, N],
    'audit.read': [N, N],
    'status.record': [N, N],
    'report.read': [A, O],
  },
  provincial_office: {
    'dossier.read': [A, O],
    'dossier.create': [N, N],
    'dossier.edit': [N, N],
    'dossier.submit': [N, N],
    'evidence.upload': [N, N],
    'evidence.read': [A, O],
    'evidence.delete': [N, N],
    'appraisal.record': [N, N],
    'appraisal.tasks': [N, N],
    'confirmation.decide': [N, N],
    'decision.decide': [A, O],
    'recognition.revoke': [A, O],
    'recognition.register': [A, O],
    'campaign.manage': [A, O],
    'campaign.read': [A, O],
    'recognition.merge': [A, O],
    'catalog.write': [N, N],
    'users.manage': [N, N],
    'audit.read': [N, N],
    'status.record': [A, O],
    'report.read': [A, O],
  },
  // The unit is ignored for administration, and no dossier command is ever allowed.
  system_admin: {
    'dossier.read': [N, N],
    'dossier.create': [N, N],
    'dossier.edit': [N, N],
    'dossier.submit': [N, N],
    'evidence.upload': [N, N],
    'evidence.read': [N, N],
    'evidence.delete': [N, N],
    'appraisal.record': [N, N],
    'appraisal.tasks': [N, N],
    'confirmation.decide': [N, N],
    'decision.decide': [N, N],
    'recognition.revoke': [N, N],
    'recognition.register': [N, N],
    'campaign.manage': [N, N],
    'campaign.read': [N, N],
    'recognition.merge': [N, N],
    'catalog.write': [A, A],
    'users.manage': [A, A],
    'audit.read': [N, N],
    'status.record': [N, N],
    'report.read': [N, N],
  },
  auditor: {
    'dossier.read': [A, O],
    'dossier.create': [N, N],
    'dossier.edit': [N, N],
    'dossier.submit': [N, N],
    'evidence.upload': [N, N],
    'evidence.read': [A, O],
    'evidence.delete': [N, N],
    'appraisal.record': [N, N],
    'appraisal.tasks': [N, N],
    'confirmation.decide': [N, N],
    'decision.decide': [N, N],
    'recognition.revoke': [N, N],
    'recognition.register': [N, N],
    'campaign.manage': [N, N],
    'campaign.read': [A, O],
    'recognition.merge': [N, N],
    'catalog.write': [N, N],
    'users.manage': [N, N],
    'audit.read': [A, O],
    'status.record': [N, N],
    'report.read': [A, O],
  },
};

const table = roles.flatMap((role) =>
  commands.flatMap((command) => [
    { role, command, place: 'own' as const, outcome: expected[role][command][0] },
    { role, command, place: 'other' as const, outcome: expected[role][command][1] },
  ]),
);

describe('authorize: every role × command × own/other unit', () => {
  it('covers all 7 roles and every command', () => {
    expect(table).toHaveLength(7 * commands.length * 2);
    expect(Object.keys(expected).sort()).toEqual([...roles].sort());
    for (const role of roles) expect(Object.keys(expected[role]).sort()).toEqual([...commands].sort());
  });

  it('checks the listed commands against a unit, the rest against a dossier', () => {
    for (const command of commands) {
      expect(commandTargetKind[command]).toBe(unitCommands.includes(command) ? 'unit' : 'dossier');
    }
  });

  it.each(table)('$role $command on $place unit → $outcome', ({ role, command, place, outcome }) => {
    const { grant: held } = fixtures[role];
    const places = fixtures[role][place];
    const target = unitCommands.includes(command) ? places.unit : places.dossier;
    const decision = authorize(actor(held), command, target);
    if (outcome === 'allowed') {
      expect(decision).toEqual({ allowed: true, grant: held });
    } else {
      expect(decision).toMatchObject({ allowed: false, reason: outcome });
      expect(decision.allowed || decision.message.length > 0).toBe(true);
    }
  });
});

describe('authorize with several grants', () => {
  const communeAndAuditor = actor(grant('commune_officer', PHA_MU), grant('auditor', TAM_DUONG));

  it('allows what any one grant allows and names that grant', () => {
    expect(authorize(communeAndAuditor, 'dossier.edit', onDossier(phaMu))).toEqual({
      allowed: true,
      grant: grant('commune_officer', PHA_MU),
    });
    expect(authorize(communeAndAuditor, 'dossier.read', onDossier(sonBinh))).toEqual({
      allowed: true,
      grant: grant('auditor', TAM_DUONG),
    });
    expect(authorize(communeAndAuditor, 'dossier.edit', onDossier(sonBinh))).toMatchObject({ reason: 'other_unit' });
  });

  it('reports the first allowing grant in the actor’s order', () => {
    const both = actor(grant('auditor', null), grant('commune_officer', PHA_MU));
    expect(authorize(both, 'dossier.read', onDossier(phaMu))).toEqual({ allowed: true, grant: grant('auditor', null) });
  });

  it('lets an officer of two departments record for the one assigned', () => {
    const twoDepartments = actor(grant('department_officer', LAI_CHAU, 'STNMT'), grant('department_officer', LAI_CHAU, 'SNV'));
    expect(authorize(twoDepartments, 'appraisal.record', onDossier(phaMu, 'SNV', 'TC18'))).toEqual({
      allowed: true,
      grant: grant('department_officer', LAI_CHAU, 'SNV'),
    });
  });

  it('gives the most specific refusal: not_assigned over other_unit over no_role', () => {
    const twoDistricts = actor(grant('district_officer', TAM_DUONG), grant('district_officer', THAN_UYEN));
    expect(authorize(twoDistricts, 'decision.decide', onDossier(phaMu))).toMatchObject({ reason: 'not_assigned' });
    const adminAndCommune = actor(grant('system_admin', null), grant('commune_officer', SON_BINH));
    expect(authorize(adminAndCommune, 'dossier.edit', onDossier(phaMu))).toMatchObject({ reason: 'other_unit' });
  });

  it('explains a refused appraisal by the grant of the department the command names', () => {
    // STNMT appraises TC17 only; SNV's officer who is also STNMT's is told about STNMT's assignment.
    const twoDepartments = actor(grant('department_officer', LAI_CHAU, 'SNV'), grant('department_officer', LAI_CHAU, 'STNMT'));
    expect(authorize(twoDepartments, 'appraisal.record', onDossier(phaMu, 'STNMT', 'TC18'))).toEqual({
      allowed: false,
      reason: 'not_assigned',
      message: 'Tiêu chí TC18 của hồ sơ này không được giao cho STNMT thẩm định.',
    });
  });

  it('refuses an actor without grants, and a grant of an unknown role', () => {
    expect(authorize(actor(), 'dossier.read', onDossier(phaMu))).toEqual({
      allowed: false,
      reason: 'no_role',
      message: 'Tài khoản không có vai trò được phép xem hồ sơ.',
    });
    const stored = { role: 'superuser', unitCode: null, departmentCode: null } as unknown as Grant;
    expect(authorize(actor(stored), 'catalog.write', onUnit([], null))).toMatchObject({ reason: 'no_role' });
  });
});

describe('authorize for the commune and its villages', () => {
  it('lets the commune officer prepare, open and submit its villages’ dossiers', () => {
    const officer = actor(grant('commune_officer', PHA_MU));
    expect(authorize(officer, 'dossier.submit', onDossier(phaMuB02)).allowed).toBe(true);
    expect(authorize(officer, 'dossier.create', onUnit([LAI_CHAU, THAN_UYEN, PHA_MU, PHA_MU_B02], 'village')).allowed).toBe(true);
  });

  it('keeps the commune officer out of the district’s own dossier', () => {
    const officer = actor(grant('commune_officer', PHA_MU));
    expect(authorize(officer, 'dossier.read', onDossier(thanUyen))).toMatchObject({ reason: 'other_unit' });
  });

  it('lets the village head only read where the track has the commune prepare the village dossier', () => {
    const head = actor(grant('village_head', PHA_MU_B01));
    const preparedByCommune: DossierScope = { ...phaMuB01, selfAssessmentLevel: 'commune' };
    expect(authorize(head, 'dossier.read', onDossier(preparedByCommune)).allowed).toBe(true);
    expect(authorize(head, 'evidence.read', onDossier(preparedByCommune)).allowed).toBe(true);
    for (const command of ['dossier.edit', 'evidence.upload'] as const) {
      expect(authorize(head, command, onDossier(preparedByCommune))).toEqual({
        allowed: false,
        reason: 'not_assigned',
        message: 'Bước tự đánh giá của loại hồ sơ này do Ủy ban nhân dân xã thực hiện; trưởng thôn, bản chỉ xem được hồ sơ.',
      });
    }
    // The commune still prepares it.
    expect(authorize(actor(grant('commune_officer', PHA_MU)), 'dossier.edit', onDossier(preparedByCommune)).allowed).toBe(true);
  });

  it('tells which level prepares a track’s dossiers from its stages', () => {
    const stages = (level: string) => [{ kind: 'self_assessment', decidingLevel: level }, { kind: 'decision', decidingLevel: 'district' }];
    expect(selfAssessmentLevelOf(stages('village'))).toBe('village');
    expect(selfAssessmentLevelOf(stages('commune'))).toBe('commune');
    expect(selfAssessmentLevelOf([{ kind: 'decision', decidingLevel: 'province' }])).toBe('commune');
  });

  it('refuses the village head on the commune-level dossier', () => {
    const head = actor(grant('village_head', PHA_MU_B01));
    expect(authorize(head, 'dossier.read', onDossier(phaMu))).toMatchObject({ reason: 'other_unit' });
    expect(authorize(head, 'dossier.edit', onDossier(phaMu))).toMatchObject({ reason: 'other_unit' });
    expect(canSee(head, phaMu)).toBe(false);
  });

  it('refuses the village head a unit target that is not a village', () => {
    const head = actor(grant('village_head', PHA_MU_B01));
    const odd = { kind: 'dossier', scope: { ...phaMuB01, unitLevel: 'commune' } } as const;
    expect(authorize(head, 'dossier.read', odd)).toMatchObject({ reason: 'other_unit' });
  });
});

describe('authorize for department appraisals', () => {
  const stnmt = actor(grant('department_officer', LAI_CHAU, 'STNMT'));

  it('refuses a criterion not assigned to the department', () => {
    expect(authorize(stnmt, 'appraisal.record', onDossier(phaMu, 'STNMT', 'TC18'))).toEqual({
      allowed: false,
      reason: 'not_assigned',
      message: 'Tiêu chí TC18 của hồ sơ này không được giao cho STNMT thẩm định.',
    });
  });

  it('refuses recording on behalf of another department, even for its criterion', () => {
    expect(authorize(stnmt, 'appraisal.record', onDossier(phaMu, 'SNV', 'TC18'))).toMatchObject({ reason: 'not_assigned' });
  });

  it('refuses a verdict that names no criterion', () => {
    expect(authorize(stnmt, 'appraisal.record', { kind: 'dossier', scope: phaMu })).toMatchObject({ reason: 'not_assigned' });
  });

  it('lists only its own department’s tasks, in its own province', () => {
    expect(authorize(stnmt, 'appraisal.tasks', onUnit([LAI_CHAU], 'province', 'STNMT')).allowed).toBe(true);
    expect(authorize(stnmt, 'appraisal.tasks', onUnit([LAI_CHAU], 'province', 'SNV'))).toMatchObject({ reason: 'not_assigned' });
    expect(authorize(stnmt, 'appraisal.tasks', onUnit([LAO_CAI], 'province', 'STNMT'))).toMatchObject({ reason: 'other_unit' });
  });

  it('hides a dossier the department does not appraise', () => {
    const syt = actor(grant('department_officer', LAI_CHAU, 'SYT'));
    expect(authorize(syt, 'dossier.read', onDossier(phaMu))).toMatchObject({ reason: 'other_unit' });
    expect(canSee(syt, phaMu)).toBe(false);
  });

  it('covers nothing when the grant lacks its department', () => {
    expect(canSee(actor(grant('department_officer', LAI_CHAU, null)), phaMu)).toBe(false);
  });
});

describe('authorize for decisions by deciding level', () => {
  const district = actor(grant('district_officer', THAN_UYEN));
  const province = actor(grant('provincial_office', LAI_CHAU));

  it('lets the district decide and revoke a village dossier', () => {
    expect(authorize(district, 'decision.decide', onDossier(phaMuB01)).allowed).toBe(true);
    expect(authorize(district, 'recognition.revoke', onDossier(phaMuB01)).allowed).toBe(true);
  });

  it('refuses the district a commune dossier decided by the province, but lets it confirm', () => {
    expect(authorize(district, 'decision.decide', onDossier(phaMu))).toEqual({
      allowed: false,
      reason: 'not_assigned',
      message: 'Việc quyết định công nhận hồ sơ này thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh.',
    });
    expect(authorize(district, 'recognition.revoke', onDossier(phaMu))).toMatchObject({ reason: 'not_assigned' });
    expect(authorize(district, 'confirmation.decide', onDossier(phaMu)).allowed).toBe(true);
  });

  it('refuses the province a village dossier decided by the district', () => {
    expect(authorize(province, 'decision.decide', onDossier(phaMuB01))).toMatchObject({ reason: 'not_assigned' });
    expect(authorize(province, 'decision.decide', onDossier(thanUyen)).allowed).toBe(true);
  });
});

describe('authorize for administrators and auditors', () => {
  const admin = actor(grant('system_admin', null));

  it('never lets the system admin read a dossier', () => {
    expect(authorize(admin, 'dossier.read', onDossier(phaMu))).toEqual({
      allowed: false,
      reason: 'no_role',
      message: 'Tài khoản không có vai trò được phép xem hồ sơ.',
    });
    expect(authorize(admin, 'evidence.read', onDossier(phaMu))).toMatchObject({ reason: 'no_role' });
    expect(canSee(admin, phaMu)).toBe(false);
  });

  it('lets the system admin manage the whole system', () => {
    expect(authorize(admin, 'users.manage', onUnit([], null)).allowed).toBe(true);
    expect(authorize(admin, 'catalog.write', onUnit([], null)).allowed).toBe(true);
  });

  it('lets an auditor without a unit see everything, a unit auditor only its unit', () => {
    const everywhere = actor(grant('auditor', null));
    expect(canSee(everywhere, taVan)).toBe(true);
    expect(authorize(everywhere, 'audit.read', onUnit([], null)).allowed).toBe(true);
    const tamDuong = actor(grant('auditor', TAM_DUONG));
    expect(canSee(tamDuong, giangMa)).toBe(true);
    expect(canSee(tamDuong, phaMu)).toBe(false);
    expect(authorize(tamDuong, 'audit.read', onUnit([], null))).toMatchObject({ reason: 'other_unit' });
  });
});

describe('authorize input checks', () => {
  it('throws when a command gets the wrong kind of target', () => {
    const officer = actor(grant('commune_officer', PHA_MU));
    expect(() => authorize(officer, 'dossier.create', onDossier(phaMu))).toThrow(TypeError);
    expect(() => authorize(officer, 'dossier.read', onUnit([LAI_CHAU, THAN_UYEN, PHA_MU], 'commune'))).toThrow(TypeError);
  });
});

describe('visibleScopeFilter', () => {
  it('lists the units of unit-scoped grants', () => {
    const a = actor(grant('commune_officer', PHA_MU), grant('district_officer', TAM_DUONG), grant('village_head', PHA_MU_B01));
    expect(visibleScopeFilter(a)).toEqual({ everywhere: false, unitCodes: [PHA_MU, TAM_DUONG, PHA_MU_B01], departmentCodes: [] });
  });

  it('lists departments with their province', () => {
    const a = actor(grant('department_officer', LAI_CHAU, 'STNMT'), grant('provincial_office', LAO_CAI));
    expect(visibleScopeFilter(a)).toEqual({
      everywhere: false,
      unitCodes: [LAO_CAI],
      departmentCodes: [{ provinceCode: LAI_CHAU, departmentCode: 'STNMT' }],
    });
  });

  it('is everywhere for an auditor without a unit', () => {
    const a = actor(grant('commune_officer', PHA_MU), grant('auditor', null));
    expect(visibleScopeFilter(a)).toEqual({ everywhere: true, unitCodes: [], departmentCodes: [] });
  });

  it('is empty for the system admin and for grants missing their codes', () => {
    const empty = { everywhere: false, unitCodes: [], departmentCodes: [] };
    expect(visibleScopeFilter(actor(grant('system_admin', null)))).toEqual(empty);
    expect(visibleScopeFilter(actor(grant('commune_officer', null), grant('department_officer', LAI_CHAU, null)))).toEqual(empty);
  });

  it('lists each unit and department once', () => {
    const a = actor(
      grant('commune_officer', PHA_MU),
      grant('auditor', PHA_MU),
      grant('department_officer', LAI_CHAU, 'SNV'),
      grant('department_officer', LAI_CHAU, 'SNV'),
    );
    expect(visibleScopeFilter(a)).toEqual({
      everywhere: false,
      unitCodes: [PHA_MU],
      departmentCodes: [{ provinceCode: LAI_CHAU, departmentCode: 'SNV' }],
    });
  });

  it('agrees with canSee on every dossier', () => {
    const dossiers = [phaMu, sonBinh, giangMa, taVan, phaMuB01, phaMuB02, thanUyen];
    const actors = [
      ...roles.map((role) => actor(fixtures[role].grant)),
      actor(grant('auditor', null)),
      actor(grant('department_officer', LAI_CHAU, '110-PNNPTNT')),
      actor(grant('department_officer', LAI_CHAU, 'SYT'), grant('village_head', PHA_MU_B02)),
    ];
    for (const a of actors) {
      const filter = visibleScopeFilter(a);
      for (const scope of dossiers) expect(matchesScopeFilter(filter, scope)).toBe(canSee(a, scope));
    }
  });
});

describe('authorize for progress reports', () => {
  it('lets a district read its district only, the province and its auditor the province, a national auditor the country', () => {
    const district = actor(grant('district_officer', THAN_UYEN));
    expect(authorize(district, 'report.read', onUnit([LAI_CHAU, THAN_UYEN], 'district')).allowed).toBe(true);
    expect(authorize(district, 'report.read', onUnit([LAI_CHAU], 'province'))).toMatchObject({ reason: 'other_unit' });
    expect(authorize(actor(grant('auditor', LAI_CHAU)), 'report.read', onUnit([], null))).toMatchObject({ reason: 'other_unit' });
    expect(authorize(actor(grant('provincial_office', LAI_CHAU)), 'report.read', onUnit([], null))).toMatchObject({ reason: 'other_unit' });
    expect(authorize(actor(grant('auditor', null)), 'report.read', onUnit([], null)).allowed).toBe(true);
    expect(authorize(actor(grant('commune_officer', PHA_MU)), 'report.read', onUnit([LAI_CHAU, THAN_UYEN, PHA_MU], 'commune'))).toMatchObject({ reason: 'no_role' });
  });
});
