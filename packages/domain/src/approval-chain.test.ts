import { describe, expect, it } from 'vitest';
import { followedStages, hasDistrictStageOn, unfollowableStages, unfollowableUnderChain } from './approval-chain.js';

describe('hasDistrictStageOn', () => {
  const laiChau = { hasDistrictStage: true, chainChanges: [{ from: '2025-07-01', hasDistrictStage: false }] };
  it.each([
    ['2025-06-30', true],
    ['2025-07-01', false],
    ['2026-03-01', false],
  ])('on %s: %s', (day, expected) => expect(hasDistrictStageOn(laiChau, day)).toBe(expected));
  it('takes the latest change in force, whatever the order listed', () => {
    const chain = { hasDistrictStage: true, chainChanges: [{ from: '2027-01-01', hasDistrictStage: true }, { from: '2025-07-01', hasDistrictStage: false }] };
    expect(hasDistrictStageOn(chain, '2026-01-01')).toBe(false);
    expect(hasDistrictStageOn(chain, '2027-01-01')).toBe(true);
  });
});

describe('unfollowableStages', () => {
  const s = (...kinds: Array<'self_assessment' | 'appraisal' | 'confirmation' | 'decision'>) => kinds.map((kind, i) => ({ code: `S${i}`, kind }));
  it('accepts the process with and without confirmation', () => {
    expect(unfollowableStages(s('self_assessment', 'appraisal', 'confirmation', 'decision'))).toBeNull();
    expect(unfollowableStages(s('self_assessment', 'appraisal', 'decision'))).toBeNull();
  });
  it('accepts a verification before the appraisal (the village chain), by the commune or the district', () => {
    expect(unfollowableStages(s('self_assessment', 'confirmation', 'appraisal', 'decision'))).toBeNull();
    const verification = (decidingLevel: string) => s('self_assessment', 'confirmation', 'appraisal', 'decision').map((st) => ({ ...st, decidingLevel: st.kind === 'confirmation' ? decidingLevel : 'district' }));
    expect(unfollowableStages(verification('commune'))).toBeNull();
    expect(unfollowableStages(verification('province'))).toBe('bước xác nhận (confirmation) do cấp xã (trước thẩm định) hoặc cấp huyện thực hiện');
  });
  it.each([
    [s('self_assessment', 'appraisal'), 'bước cuối cùng phải là quyết định (decision)'],
    [s('appraisal', 'self_assessment', 'decision'), 'bước đầu tiên phải là tự đánh giá (self_assessment)'],
    [s('self_assessment', 'decision'), 'thiếu bước thẩm định (appraisal)'],
    [s('self_assessment', 'appraisal', 'decision', 'decision'), 'có nhiều bước loại "decision"'],
  ])('refuses %o', (stages, reason) => expect(unfollowableStages(stages)).toBe(reason));
});

describe('stages under a chain of approval', () => {
  const commune = [
    { code: 'SELF', kind: 'self_assessment' as const, decidingLevel: 'commune' },
    { code: 'APPRAISAL', kind: 'appraisal' as const, decidingLevel: 'province' },
    { code: 'DISTRICT', kind: 'confirmation' as const, decidingLevel: 'district' },
    { code: 'DECISION', kind: 'decision' as const, decidingLevel: 'province' },
  ];
  const village = [
    { code: 'SELF', kind: 'self_assessment' as const, decidingLevel: 'commune' },
    { code: 'APPRAISAL', kind: 'appraisal' as const, decidingLevel: 'district' },
    { code: 'DECISION', kind: 'decision' as const, decidingLevel: 'district' },
  ];
  it('skips the district confirmation in the two-tier chain', () => {
    expect(followedStages(commune, false).map((s) => s.code)).toEqual(['SELF', 'APPRAISAL', 'DECISION']);
    expect(followedStages(commune, true)).toHaveLength(4);
    expect(unfollowableUnderChain(commune, false)).toBeNull();
  });
  it('keeps the commune verification of the village chain; its district stages need the district tier', () => {
    const chain = [
      { code: 'SELF', kind: 'self_assessment' as const, decidingLevel: 'village' },
      { code: 'VERIFY', kind: 'confirmation' as const, decidingLevel: 'commune' },
      { code: 'APPRAISAL', kind: 'appraisal' as const, decidingLevel: 'district' },
      { code: 'DECISION', kind: 'decision' as const, decidingLevel: 'district' },
    ];
    expect(unfollowableUnderChain(chain, true)).toBeNull();
    expect(followedStages(chain, true).map((s) => s.code)).toEqual(['SELF', 'VERIFY', 'APPRAISAL', 'DECISION']);
    expect(unfollowableUnderChain(chain, false)).toBe('bước quyết định ở cấp huyện, nhưng tỉnh không còn cấp huyện');
  });
  it('finds a district-run track unfollowable once the district tier is gone', () => {
    expect(unfollowableUnderChain(village, true)).toBeNull();
    expect(unfollowableUnderChain(village, false)).toBe('bước quyết định ở cấp huyện, nhưng tỉnh không còn cấp huyện');
  });
});
