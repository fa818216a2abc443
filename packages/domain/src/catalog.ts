import { z } from 'zod';
import { IsoDate } from './iso-date.js';

/** The catalog as the rules see it. Names and numbers are data: no rule may depend on them. */

const Code = z.string().min(1);
const Name = z.string().min(1);

export const UnitLevel = z.enum(['province', 'district', 'commune', 'ward', 'town', 'village']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/**
 * The tier of each level: a unit's parent sits on a lower tier. Wards (phường) and towns (thị trấn)
 * share the commune tier but are never rural communes: no NTM track and no commune count takes them.
 */
export const unitLevelTier: Readonly<Record<UnitLevel, number>> = { province: 0, district: 1, commune: 2, ward: 2, town: 2, village: 3 };

export const CriteriaSetLevel = z.enum(['commune', 'village', 'district']);
export type CriteriaSetLevel = z.infer<typeof CriteriaSetLevel>;

/** The level whose people act in a stage (a village only prepares its own dossier, where a track says so). */
export const DecidingLevel = z.enum(['village', 'commune', 'district', 'province']);
export type DecidingLevel = z.infer<typeof DecidingLevel>;

export const ThresholdKind = z.enum(['boolean', 'minimum', 'maximum', 'percentage']);
export type ThresholdKind = z.infer<typeof ThresholdKind>;

export const AdministrativeUnit = z
  .object({
    code: Code,
    name: Name,
    level: UnitLevel,
    parentCode: Code.nullable(),
    validFrom: IsoDate,
    /** Last day the unit exists (inclusive); null while it still exists. */
    validTo: IsoDate.nullable(),
    /** The unit's region or group in each criteria set: criteria set code → group code. */
    groupings: z.record(Code, Code),
    /**
     * An especially disadvantaged commune, or a safe-zone commune of a poor district (Quyết định
     * 318/QĐ-TTg Điều 1): judged on the set's `specialDifficultyGroup` wherever it is.
     */
    specialDifficulty: z.boolean().optional(),
  })
  .refine((u) => u.validTo === null || u.validTo >= u.validFrom, {
    path: ['validTo'],
    message: 'ngày hết hiệu lực trước ngày có hiệu lực',
  });
export type AdministrativeUnit = z.infer<typeof AdministrativeUnit>;

/**
 * A number for minimum, maximum and percentage indicators (percentage: "at least this percent"),
 * `true` for a boolean indicator (it must be satisfied).
 */
export const Threshold = z.union([z.number(), z.literal(true)]);
export type Threshold = z.infer<typeof Threshold>;

/**
 * `null` means "to be set by the province". A `null` group override is deliberate: the official
 * text leaves that group's value to the province, so it does not fall back to the default.
 */
export const IndicatorThresholds = z.object({
  default: Threshold.nullable(),
  byGroup: z.record(Code, Threshold.nullable()),
});
export type IndicatorThresholds = z.infer<typeof IndicatorThresholds>;

export const Indicator = z
  .object({
    code: Code,
    name: Name,
    unitOfMeasure: z.string().nullish(),
    thresholdKind: ThresholdKind,
    thresholds: IndicatorThresholds,
  })
  .superRefine((indicator, ctx) => {
    const entries: Array<[PropertyKey[], Threshold | null]> = [
      [['thresholds', 'default'], indicator.thresholds.default],
      ...Object.entries(indicator.thresholds.byGroup).map(
        ([group, value]): [PropertyKey[], Threshold | null] => [['thresholds', 'byGroup', group], value],
      ),
    ];
    for (const [path, value] of entries) {
      const problem = thresholdProblem(indicator.thresholdKind, value);
      if (problem) ctx.addIssue({ code: 'custom', path, message: problem });
    }
  });
export type Indicator = z.infer<typeof Indicator>;

function thresholdProblem(kind: ThresholdKind, value: Threshold | null): string | null {
  if (value === null) return null;
  if (kind === 'boolean') return value === true ? null : 'chỉ tiêu dạng đạt/không đạt chỉ nhận ngưỡng true';
  if (value === true) return 'chỉ tiêu định lượng cần ngưỡng là một số';
  if (kind === 'percentage' && (value < 0 || value > 100)) return 'ngưỡng phần trăm phải từ 0 đến 100';
  return null;
}

export const Criterion = z.object({
  number: z.number().int().positive(),
  code: Code,
  name: Name,
  description: z.string().nullish(),
  /** Key criteria weigh in the revocation test (Quyết định 18/2022/QĐ-TTg). */
  isKey: z.boolean(),
  indicators: z.array(Indicator).min(1),
});
export type Criterion = z.infer<typeof Criterion>;

export const CriteriaGroup = z.object({ code: Code, name: Name });
export type CriteriaGroup = z.infer<typeof CriteriaGroup>;

export const CriteriaSet = z
  .object({
    code: Code,
    name: Name,
    legalBasis: z.string().min(1),
    validFromYear: z.number().int(),
    /** Inclusive. */
    validToYear: z.number().int(),
    unitLevel: CriteriaSetLevel,
    groups: z.array(CriteriaGroup),
    /** The group whose thresholds especially disadvantaged communes use (2021–2025: the northern midlands and mountains). */
    specialDifficultyGroup: Code.nullish(),
    criteria: z.array(Criterion).min(1),
  })
  .superRefine((set, ctx) => {
    if (set.validToYear < set.validFromYear) {
      ctx.addIssue({ code: 'custom', path: ['validToYear'], message: 'năm kết thúc trước năm bắt đầu' });
    }
    const groupCodes = new Set(set.groups.map((g) => g.code));
    const seenCodes = new Set<string>();
    const seenNumbers = new Set<number>();
    set.criteria.forEach((criterion, i) => {
      if (seenCodes.has(criterion.code)) {
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'code'], message: `mã tiêu chí ${criterion.code} bị trùng` });
      }
      if (seenNumbers.has(criterion.number)) {
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'number'], message: `số thứ tự tiêu chí ${criterion.number} bị trùng` });
      }
      seenCodes.add(criterion.code);
      seenNumbers.add(criterion.number);
      criterion.indicators.forEach((indicator, j) => {
        for (const group of Object.keys(indicator.thresholds.byGroup)) {
          if (!groupCodes.has(group)) {
            ctx.addIssue({
              code: 'custom',
              path: ['criteria', i, 'indicators', j, 'thresholds', 'byGroup', group],
              message: `nhóm ${group} không có trong bộ tiêu chí`,
            });
          }
        }
      });
    });
  });
export type CriteriaSet = z.infer<typeof CriteriaSet>;

export const RequiredDocument = z.object({ code: Code, name: Name });
export type RequiredDocument = z.infer<typeof RequiredDocument>;

export const Stage = z.object({ code: Code, name: Name, decidingLevel: DecidingLevel });
export type Stage = z.infer<typeof Stage>;

export const Track = z.object({
  /** e.g. COMMUNE_NTM, COMMUNE_ADVANCED, VILLAGE_NTM; the catalog may define more. */
  code: Code,
  name: Name,
  unitLevel: UnitLevel,
  /** Set versions the track may use; the one in force for the dossier year applies. */
  criteriaSetCodes: z.array(Code).min(1),
  /** Tracks the unit must already hold an active recognition for. */
  prerequisites: z.array(Code),
  requiredDocuments: z.array(RequiredDocument),
  /** In process order. */
  stages: z.array(Stage).min(1),
});
export type Track = z.infer<typeof Track>;

export const RecognitionStatus = z.enum(['active', 'revoked']);
export type RecognitionStatus = z.infer<typeof RecognitionStatus>;

export const Recognition = z.object({
  unitCode: Code,
  trackCode: Code,
  year: z.number().int(),
  status: RecognitionStatus,
});
export type Recognition = z.infer<typeof Recognition>;
