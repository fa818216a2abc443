import { z } from 'zod';
import { CatalogCriteriaSet, CatalogDepartment, CatalogDuration, CatalogHoliday, CatalogProvince, CatalogTrack, UnitLevel } from './catalog-file.js';

export const Pagination = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

export const UnitSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    level: UnitLevel,
    parentCode: z.string().nullable(),
    provinceCode: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'UnitSummary' });
export type UnitSummary = z.infer<typeof UnitSummary>;

/** How a unit's name matched a search by name (`q`); see packages/domain/src/name-match.ts. */
export const UnitNameMatch = z
  .object({
    quality: z.enum(['exact', 'variant', 'approximate']).describe(
      'exact: viết đúng như tên chính thức; variant: cùng tên, viết theo cách khác (bỏ dấu thanh đặt ở nguyên âm khác như "hóa"/"hoá", i thay y, gõ không dấu); approximate: khác dấu thanh ở một âm tiết ("Mường Te"), có thể là đơn vị khác, cần người xác nhận',
    ),
    unsure: z.boolean().describe('true khi chưa chắc là đơn vị được nhắc tới (approximate)'),
  })
  .meta({ id: 'UnitNameMatch' });

export const UnitSearchItem = UnitSummary.extend({
  match: UnitNameMatch.nullable().describe('mức khớp tên khi tìm theo tên (q); null khi không tìm theo tên'),
}).meta({ id: 'UnitSearchItem' });
export type UnitSearchItem = z.infer<typeof UnitSearchItem>;

/** A unit's standing on a track, from a recognition decision (published, so readable by anyone signed in). */
export const UnitRecognition = z.object({
  trackCode: z.string(),
  year: z.number().int(),
  status: z.enum(['active', 'revoked']),
  decisionId: z.string(),
  decisionNumber: z.string().nullable(),
  signedOn: z.string().nullable(),
  /** issued: by a decision of this system; registered: from a decision issued before the province adopted it. */
  origin: z.enum(['issued', 'registered']),
  /** For a revoked recognition: the day it stopped and the revocation decision (null for one revoked before the system). */
  revokedOn: z.string().nullable(),
  revocationDecisionId: z.string().nullable(),
});

export const UnitDetail = UnitSummary.extend({
  groupings: z.record(z.string(), z.string()),
  /** Especially disadvantaged or a safe-zone commune of a poor district: judged on its set's special-difficulty group (Quyết định 318/QĐ-TTg Điều 1). */
  specialDifficulty: z.boolean(),
  ancestors: z.array(UnitSummary.pick({ code: true, name: true, level: true })),
  childCount: z.number().int(),
  /** Every recognition the unit holds or held, newest first. */
  recognitions: z.array(UnitRecognition),
  /** Units that merged into this one (2025 reform), each with its own recognitions. */
  formerUnits: z.array(
    UnitSummary.pick({ code: true, name: true, level: true, parentCode: true, validTo: true }).extend({ mergedOn: z.string(), recognitions: z.array(UnitRecognition) }),
  ),
  /** The units this one merged into, and from when. */
  mergedInto: z.array(z.object({ code: z.string(), name: z.string(), mergedOn: z.string() })),
}).meta({ id: 'UnitDetail' });
export type UnitDetail = z.infer<typeof UnitDetail>;

export type UnitTreeNode = UnitSummary & { children: UnitTreeNode[] };
export const UnitTreeNode: z.ZodType<UnitTreeNode> = UnitSummary.extend({
  children: z.array(z.lazy(() => UnitTreeNode)),
}).meta({ id: 'UnitTreeNode' });

export const UnitQuery = Pagination.extend({
  province: z.string().optional().describe('mã tỉnh'),
  level: UnitLevel.optional(),
  parent: z.string().optional().describe('mã đơn vị cấp trên'),
  q: z.string().trim().min(1).max(100).optional().describe('tìm theo tên như văn bản viết (các từ liền nhau, từ cuối có thể viết dở): chấp nhận gõ không dấu ("son binh" tìm được "Sơn Bình"), dấu thanh đặt ở nguyên âm khác ("hóa"/"hoá", "thủy"/"thuỷ"), i thay y ("Ma Li Pho"), sai dấu thanh ở một âm tiết (kết quả ghi unsure); kết quả khớp tốt nhất đứng trước'),
  asOf: z.iso.date().optional().describe('chỉ đơn vị còn hiệu lực vào ngày này'),
});

export const CriteriaSetSummary = CatalogCriteriaSet.omit({ criteria: true })
  .extend({ criterionCount: z.number().int(), indicatorCount: z.number().int() })
  .meta({ id: 'CriteriaSetSummary' });

export const CriteriaSetQuery = Pagination.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('bộ tiêu chí có hiệu lực trong năm này'),
  unitLevel: UnitLevel.optional(),
  province: z.string().optional().describe('bộ tiêu chí quốc gia và bộ tiêu chí riêng của tỉnh này'),
});

export const CriteriaSetDetail = CatalogCriteriaSet.meta({ id: 'CriteriaSetDetail' });
export const Track = CatalogTrack.meta({ id: 'Track' });
export const ProvinceSettings = CatalogProvince.meta({ id: 'ProvinceSettings' });

export const CriterionAssignmentView = z
  .object({
    criterionNumber: z.number().int(),
    criterionCode: z.string(),
    criterionName: z.string(),
    isKey: z.boolean(),
    departments: z.array(z.object({ code: z.string(), name: z.string(), indicatorCode: z.string().nullable() })),
  })
  .meta({ id: 'CriterionAssignment' });

export const AssignmentQuery = z.object({
  criteriaSet: z.string().describe('mã bộ tiêu chí'),
  department: z.string().optional().describe('chỉ các tiêu chí giao cho sở/phòng này'),
});

export const Duration = CatalogDuration.meta({ id: 'StageDuration' });
export const Holiday = CatalogHoliday.meta({ id: 'Holiday' });
export const Department = CatalogDepartment.meta({ id: 'Department' });

export const ImportChange = z.object({
  entity: z.enum(['province', 'unit', 'criteriaSet', 'track', 'department', 'assignment', 'duration', 'holiday', 'decisionForm', 'maintenanceCalendar']),
  key: z.string(),
  action: z.enum(['create', 'update']),
  description: z.string().describe('thay đổi, bằng lời: "Thêm đơn vị hành chính 110-99999 (Xã Thử)"'),
});
export const ImportReport = z
  .object({ dryRun: z.boolean(), changes: z.array(ImportChange), unchanged: z.number().int() })
  .meta({ id: 'CatalogImportReport' });
