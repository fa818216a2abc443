/**
 * National defaults for the province settings that may not be empty. A province that has not set
 * its own value gets these, labelled as defaults with where they come from; its own value, once set
 * in its catalog file, always wins.
 */
export const nationalDefaults = {
  postingPeriodDays: {
    value: 15,
    source:
      'Mặc định toàn quốc: niêm yết công khai kết quả tự đánh giá 15 ngày để lấy ý kiến nhân dân, theo trình tự xét, công nhận xã đạt chuẩn của Quyết định số 18/2022/QĐ-TTg (như dự án hiểu; chưa đối chiếu nguyên văn). Tỉnh thay bằng giá trị của mình.',
  },
  satisfactionThresholdPercent: {
    value: 90,
    source:
      'Mặc định toàn quốc: tỷ lệ người dân hài lòng từ 90% trở lên, mức Bộ tiêu chí huyện nông thôn mới (Quyết định số 320/QĐ-TTg ngày 08/3/2022) dùng và điều kiện công nhận của Quyết định số 18/2022/QĐ-TTg (như dự án hiểu; chưa đối chiếu nguyên văn). Tỉnh thay bằng giá trị của mình.',
  },
} as const;

export type DefaultedSetting = keyof typeof nationalDefaults;

/** A province setting as it applies: the province's own value, or the labelled national default. */
export interface AppliedSetting {
  value: number;
  isDefault: boolean;
  /** Where a default comes from; null for the province's own value. */
  source: string | null;
}

export function appliedSetting(setting: DefaultedSetting, own: number | null): AppliedSetting {
  if (own !== null) return { value: own, isDefault: false, source: null };
  const fallback = nationalDefaults[setting];
  return { value: fallback.value, isDefault: true, source: fallback.source };
}

/** The settings a dossier opens with: never empty. */
export function appliedProvinceSettings(province: { postingPeriodDays: number | null; satisfactionThresholdPercent: number | null }) {
  return {
    postingPeriodDays: appliedSetting('postingPeriodDays', province.postingPeriodDays),
    satisfactionThresholdPercent: appliedSetting('satisfactionThresholdPercent', province.satisfactionThresholdPercent),
  };
}
