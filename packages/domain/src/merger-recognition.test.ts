import { describe, expect, it } from 'vitest';
import { inForceOn, proposeMergerRecognition, type FormerUnit, type HeldRecognition } from './merger-recognition.js';

const recognised = (over: Partial<HeldRecognition> = {}): HeldRecognition => ({
  trackCode: 'COMMUNE_NTM',
  status: 'active',
  year: 2022,
  decisionId: 'd-1',
  decisionNumber: '1234/QĐ-UBND',
  signedOn: '2022-12-20',
  ...over,
});
// Mường Kim (03637) after 1 July 2025; which communes merged into it is the province's to register.
const unit = (code: string, name: string, recognitions: HeldRecognition[]): FormerUnit => ({ code, name, recognitions });
const mergedOn = '2025-07-01';

describe('proposeMergerRecognition', () => {
  it('proposes a provincial decision when every former commune held a recognition in force, listing their decisions', () => {
    const proposal = proposeMergerRecognition({
      trackCode: 'COMMUNE_NTM',
      mergedOn,
      formerUnits: [unit('A', 'Xã Pha Mu', [recognised()]), unit('B', 'Xã Tà Mung', [recognised({ decisionId: 'd-2', decisionNumber: '88/QĐ-UBND', signedOn: '2024-03-01', year: 2024 })])],
      newUnitRecognitions: [],
    });
    expect(proposal).toEqual({
      proposed: true,
      reasons: [],
      formerDecisions: [
        { unitCode: 'A', unitName: 'Xã Pha Mu', decisionId: 'd-1', decisionNumber: '1234/QĐ-UBND', signedOn: '2022-12-20', year: 2022 },
        { unitCode: 'B', unitName: 'Xã Tà Mung', decisionId: 'd-2', decisionNumber: '88/QĐ-UBND', signedOn: '2024-03-01', year: 2024 },
      ],
    });
  });

  it('proposes nothing when one former commune was not recognised, and says which', () => {
    const proposal = proposeMergerRecognition({ trackCode: 'COMMUNE_NTM', mergedOn, formerUnits: [unit('A', 'Xã Pha Mu', [recognised()]), unit('B', 'Xã Tà Mung', [])], newUnitRecognitions: [] });
    expect(proposal.proposed).toBe(false);
    expect(proposal.reasons).toEqual([{ unitCode: 'B', message: 'Xã Tà Mung không có quyết định công nhận còn hiệu lực vào ngày sáp nhập 01/07/2025.' }]);
    expect(proposal.formerDecisions.map((d) => d.unitCode)).toEqual(['A']);
  });

  it('counts only the track asked for, and recognitions in force on the merger date', () => {
    const advancedOnly = unit('B', 'Xã Tà Mung', [recognised({ trackCode: 'COMMUNE_ADVANCED' })]);
    const afterMerger = unit('C', 'Xã Khoen On', [recognised({ signedOn: '2025-07-15' })]);
    const revoked = unit('D', 'Xã Tà Hừa', [recognised({ status: 'revoked' })]);
    const proposal = proposeMergerRecognition({ trackCode: 'COMMUNE_NTM', mergedOn, formerUnits: [advancedOnly, afterMerger, revoked], newUnitRecognitions: [] });
    expect(proposal.reasons.map((r) => r.unitCode)).toEqual(['B', 'C', 'D']);
  });

  it('proposes nothing without registered former units, or when the new unit is already recognised', () => {
    expect(proposeMergerRecognition({ trackCode: 'COMMUNE_NTM', mergedOn, formerUnits: [], newUnitRecognitions: [] }).reasons).toEqual([
      { unitCode: null, message: 'Chưa có đơn vị nào được đăng ký là sáp nhập vào đơn vị này.' },
    ]);
    const again = proposeMergerRecognition({ trackCode: 'COMMUNE_NTM', mergedOn, formerUnits: [unit('A', 'Xã Pha Mu', [recognised()])], newUnitRecognitions: [recognised()] });
    expect(again).toMatchObject({ proposed: false, reasons: [{ unitCode: null, message: 'Đơn vị đã có quyết định công nhận còn hiệu lực cho loại hồ sơ này.' }] });
  });
});

describe('inForceOn', () => {
  it('starts on the effective date, else the signing date', () => {
    expect(inForceOn(recognised({ signedOn: '2025-06-20', effectiveOn: '2025-07-02' }), mergedOn)).toBe(false);
    expect(inForceOn(recognised({ signedOn: '2025-07-01' }), mergedOn)).toBe(true);
    expect(inForceOn(recognised({ signedOn: null }), mergedOn)).toBe(false);
  });
  it('holds a revoked recognition in force only until its known revocation', () => {
    expect(inForceOn(recognised({ status: 'revoked', revokedOn: '2025-09-01' }), mergedOn)).toBe(true);
    expect(inForceOn(recognised({ status: 'revoked', revokedOn: '2025-07-01' }), mergedOn)).toBe(false);
    expect(inForceOn(recognised({ status: 'revoked' }), mergedOn)).toBe(false);
  });
});
