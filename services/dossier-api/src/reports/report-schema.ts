import { z } from 'zod';
import { IsoDate } from '@ntm/domain';

const Source = z.enum(['appraisal', 'self_assessment']);
const Figures = z.object({
  communes: z.number().int(),
  atStandard: z.number().int().describe('Số xã đạt đủ mọi tiêu chí'),
  recognisedAtStandard: z.number().int().describe('Trong số xã đạt chuẩn: số xã có quyết định công nhận còn hiệu lực'),
  recognised: z.number().int().describe('Số xã có quyết định công nhận còn hiệu lực'),
  sharePercent: z.number().describe('Tỷ lệ xã đạt chuẩn (%), hai chữ số thập phân'),
  averageMet: z.number().describe('Bình quân số tiêu chí đạt/xã, hai chữ số thập phân'),
  bands: z.array(z.object({ min: z.number().int(), max: z.number().int(), count: z.number().int() })),
});
/** A commune's status on each criterion of the set, with where each comes from. */
const CommuneStatus = z.object({
  code: z.string(),
  name: z.string(),
  groupCode: z.string().nullable(),
  met: z.number().int(),
  total: z.number().int(),
  atStandard: z.boolean(),
  criteria: z.array(z.object({ code: z.string(), met: z.boolean(), source: Source.nullable().describe('Nguồn: thẩm định của sở, ngành hoặc tự đánh giá; null: chưa có kết quả (tính là chưa đạt)'), on: IsoDate.nullable() })),
});
const SetRef = z.object({ code: z.string(), name: z.string(), criteriaCount: z.number().int() });

export const ProgressReportView = z
  .object({
    scope: z.object({ code: z.string(), name: z.string(), level: z.enum(['country', 'province', 'district']) }),
    asOf: IsoDate,
    criteriaSet: SetRef,
    summary: Figures,
    groupLevel: z.enum(['province', 'district']).nullable(),
    groups: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        figures: Figures,
        districtCriteria: z
          .object({ met: z.number().int(), total: z.number().int(), indicatorsMet: z.number().int(), indicatorsTotal: z.number().int(), metCriteria: z.array(z.string()), unmetCriteria: z.array(z.string()) })
          .nullable(),
      }),
    ),
    criteria: z.array(z.object({ code: z.string(), number: z.number().int(), name: z.string(), notMet: z.number().int(), notMetPercent: z.number() })),
    planned: z.array(
      z.object({
        year: z.number().int(),
        averageMet: z.number(),
        communes: z.array(z.object({ code: z.string(), name: z.string(), groupName: z.string().nullable(), met: z.number().int(), total: z.number().int(), unmetCriteria: z.array(z.string()) })),
      }),
    ),
    advanced: z
      .object({
        criteriaSet: SetRef,
        communes: z.array(z.object({ code: z.string(), name: z.string(), groupName: z.string().nullable(), met: z.number().int(), total: z.number().int(), metCriteria: z.array(z.string()) })),
      })
      .nullable(),
    villages: z.object({ criteriaCount: z.number().int(), villages: z.number().int(), atStandard: z.number().int(), averageMetOfOthers: z.number() }).nullable(),
    sources: z.object({ appraisal: z.number().int(), selfAssessment: z.number().int(), none: z.number().int() }),
    change: z
      .object({
        since: IsoDate,
        atStandard: z.number().int(),
        recognised: z.number().int(),
        averageMet: z.number(),
        sharePercent: z.number(),
        bands: z.array(z.object({ min: z.number().int(), max: z.number().int(), change: z.number().int() })),
        groups: z.array(z.object({ code: z.string(), name: z.string(), atStandard: z.number().int(), averageMet: z.number() })),
        reachedStandard: z.array(z.object({ code: z.string(), name: z.string() })),
        lostStandard: z.array(z.object({ code: z.string(), name: z.string() })),
      })
      .nullable(),
  })
  .meta({
    id: 'ProgressReport',
    description:
      'Báo cáo kết quả xây dựng nông thôn mới đến một ngày: số xã đạt chuẩn, bình quân tiêu chí/xã, số xã theo nhóm số tiêu chí đạt, theo huyện (hoặc tỉnh), số xã chưa đạt từng tiêu chí, xã dự kiến đạt chuẩn, xã nâng cao, thôn bản, số tiêu chí theo nguồn (thẩm định hoặc tự đánh giá) và thay đổi so với ngày so sánh. Kết quả từng xã theo từng tiêu chí: GET /reports/progress/communes (theo trang) hoặc các tệp xuất.',
  });

export const ReportQuery = z.object({
  /** A province or district; without it, the whole country. */
  unit: z.string().min(1).max(64).optional().describe('Mã tỉnh hoặc huyện; bỏ trống: toàn quốc'),
  asOf: IsoDate.describe('Ngày lấy số liệu (YYYY-MM-DD)'),
  compareTo: IsoDate.optional().describe('Ngày so sánh, trước ngày lấy số liệu'),
  bands: z.string().max(100).optional().describe('Nhóm số tiêu chí đạt của tỉnh, ví dụ "19,15-18,10-14,0-9"; mặc định 19; 15–18; 10–14; 5–9; dưới 5'),
});

export const CommuneStatusQuery = z.object({
  unit: ReportQuery.shape.unit,
  asOf: ReportQuery.shape.asOf,
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Bỏ qua bao nhiêu xã đầu danh sách'),
  limit: z.coerce.number().int().min(1).max(1000).default(200).describe('Số xã mỗi trang, tối đa 1000'),
});

export const CommuneStatusPage = z
  .object({
    scope: z.object({ code: z.string(), name: z.string(), level: z.enum(['country', 'province', 'district']) }),
    asOf: IsoDate,
    criteria: z.array(z.object({ code: z.string(), number: z.number().int(), name: z.string() })),
    total: z.number().int().describe('Số xã trong phạm vi báo cáo'),
    offset: z.number().int(),
    limit: z.number().int(),
    items: z.array(CommuneStatus),
  })
  .meta({ id: 'CommuneStatusPage', description: 'Kết quả từng xã theo từng tiêu chí đến một ngày, kèm nguồn của từng kết quả, theo trang (thứ tự theo mã xã).' });
