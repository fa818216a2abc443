import { describe, expect, it } from 'vitest';
import { authorize, confirmationLevelOf, dossierScopeOf, type Actor, type DossierScope, type Grant, type Role } from './authorization.js';

// Lai Châu's village chain (Hướng dẫn 340/HD-SNN): the village prepares and submits, the commune
// verifies, the district's offices appraise, the district decides. Codes from the Lai Châu catalog;
// the village is invented (the catalog names none).
const chain = ['12', '110', '110-03628', '110-03628-B01'];
const stages = [
  { kind: 'self_assessment', decidingLevel: 'village' },
  { kind: 'confirmation', decidingLevel: 'commune' },
  { kind: 'appraisal', decidingLevel: 'district' },
  { kind: 'decision', decidingLevel: 'district' },
];
const village: DossierScope = dossierScopeOf({
  unitChain: chain,
  unitLevel: 'village',
  stages,
  appraisers: [{ departmentCode: '110-PNNPTNT', criterionCodes: ['TC01'] }],
});
const as = (role: Role, unitCode: string): Actor => ({ id: 'u', grants: [{ role, unitCode, departmentCode: null } satisfies Grant] });
const on = (scope: DossierScope) => ({ kind: 'dossier' as const, scope });

describe('the village chain', () => {
  it('is read from the track: the village prepares, the commune verifies, the district decides', () => {
    expect(village).toMatchObject({ selfAssessmentLevel: 'village', confirmationLevel: 'commune', decidingLevel: 'district' });
    expect(confirmationLevelOf([{ kind: 'confirmation', decidingLevel: 'district' }])).toBe('district');
    expect(confirmationLevelOf([{ kind: 'decision', decidingLevel: 'province' }])).toBe('district');
  });

  it('lets the village head submit the village’s self-assessment', () => {
    expect(authorize(as('village_head', '110-03628-B01'), 'dossier.submit', on(village)).allowed).toBe(true);
    // Not where the commune prepares the village's dossier.
    expect(authorize(as('village_head', '110-03628-B01'), 'dossier.submit', on({ ...village, selfAssessmentLevel: 'commune' }))).toMatchObject({ reason: 'not_assigned' });
  });

  it('gives the verification to the commune’s officers, not the district’s', () => {
    expect(authorize(as('commune_officer', '110-03628'), 'confirmation.decide', on(village)).allowed).toBe(true);
    expect(authorize(as('commune_officer', '110-SBI'), 'confirmation.decide', on(village))).toMatchObject({ reason: 'other_unit' });
    expect(authorize(as('district_officer', '110'), 'confirmation.decide', on(village))).toEqual({
      allowed: false,
      reason: 'not_assigned',
      message: 'Việc xác nhận hoặc trả lại hồ sơ này thuộc thẩm quyền của Ủy ban nhân dân cấp xã.',
    });
    expect(authorize(as('village_head', '110-03628-B01'), 'confirmation.decide', on(village))).toMatchObject({ reason: 'no_role' });
  });

  it('keeps the district’s confirmation of a commune dossier with the district', () => {
    const commune = { ...village, unitChain: chain.slice(0, 3), unitLevel: 'commune' as const, confirmationLevel: undefined };
    expect(authorize(as('district_officer', '110'), 'confirmation.decide', on(commune)).allowed).toBe(true);
    expect(authorize(as('commune_officer', '110-03628'), 'confirmation.decide', on(commune))).toEqual({
      allowed: false,
      reason: 'not_assigned',
      message: 'Việc xác nhận hoặc trả lại hồ sơ này thuộc thẩm quyền của Ủy ban nhân dân cấp huyện.',
    });
  });

  it('leaves the district its decision', () => {
    expect(authorize(as('district_officer', '110'), 'decision.decide', on(village)).allowed).toBe(true);
    expect(authorize(as('commune_officer', '110-03628'), 'decision.decide', on(village))).toMatchObject({ reason: 'no_role' });
  });
});
