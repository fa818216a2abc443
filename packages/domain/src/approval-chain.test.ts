import { describe, expect, it } from 'vitest';
import { hasDistrictStageOn, unfollowableStages } from './approval-chain.js';

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
  it.each([
    [s('self_assessment', 'appraisal'), 'bước cuối cùng phải là quyết định (decision)'],
    [s('appraisal', 'self_assessment', 'decision'), 'bước đầu tiên phải là tự đánh giá (self_assessment)'],
    [s('self_assessment', 'decision'), 'thiếu bước thẩm định (appraisal)'],
    [s('self_assessment', 'confirmation', 'appraisal', 'decision'), 'các bước phải theo thứ tự: tự đánh giá, thẩm định, xác nhận, quyết định'],
    [s('self_assessment', 'appraisal', 'decision', 'decision'), 'có nhiều bước loại "decision"'],
  ])('refuses %o', (stages, reason) => expect(unfollowableStages(stages)).toBe(reason));
});
