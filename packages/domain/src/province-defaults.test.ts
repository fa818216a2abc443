import { describe, expect, it } from 'vitest';
import { appliedProvinceSettings, nationalDefaults } from './province-defaults.js';
import { missingForSubmission } from './submission.js';

describe('province settings that cannot be empty', () => {
  it('gives an unset province the labelled national defaults: 15 days of posting, 90% satisfaction', () => {
    const applied = appliedProvinceSettings({ postingPeriodDays: null, satisfactionThresholdPercent: null });
    expect(applied.postingPeriodDays).toEqual({ value: 15, isDefault: true, source: nationalDefaults.postingPeriodDays.source });
    expect(applied.satisfactionThresholdPercent).toMatchObject({ value: 90, isDefault: true });
    expect(applied.satisfactionThresholdPercent.source).toContain('Mặc định toàn quốc');
  });

  it("keeps a province's own value, even zero", () => {
    expect(appliedProvinceSettings({ postingPeriodDays: 0, satisfactionThresholdPercent: 80 })).toEqual({
      postingPeriodDays: { value: 0, isDefault: false, source: null },
      satisfactionThresholdPercent: { value: 80, isDefault: false, source: null },
    });
  });

  it('with the defaults, a same-day posting and 10% satisfaction stop a submission', () => {
    const { postingPeriodDays, satisfactionThresholdPercent } = appliedProvinceSettings({ postingPeriodDays: null, satisfactionThresholdPercent: null });
    const missing = missingForSubmission({
      requiredCriteria: [],
      requiredDocuments: [],
      selfAssessed: {},
      documents: {},
      postingStartedOn: '2026-03-02',
      postingPeriodDays: postingPeriodDays.value,
      today: '2026-03-02',
      satisfactionPercent: 10,
      satisfactionThresholdPercent: satisfactionThresholdPercent.value,
      attestations: { no_construction_debt: true, no_complex_security_situation: true },
    });
    expect(missing.map((m) => m.message)).toEqual([
      'Thời gian niêm yết công khai (15 ngày) chưa hết; nộp được từ ngày 2026-03-17.',
      'Tỷ lệ hài lòng 10% thấp hơn ngưỡng 90% của tỉnh.',
    ]);
  });
});
