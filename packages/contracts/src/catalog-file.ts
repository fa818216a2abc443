import { z } from 'zod';

/**
 * The catalog exchange file (`ntm-catalog/1`): how a province onboards and edits the rules it
 * owns, and how the national sets are shipped. Every section is optional; an import upserts what
 * the file names and leaves everything else as it is. Documented in docs/catalog-file.md.
 */
export const catalogFormat = 'ntm-catalog/1';

const code = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới');
const name = z.string().trim().min(1).max(300);
const isoDate = z.iso.date();
const year = z.number().int().min(2000).max(2100);

export const UnitLevel = z.enum(['province', 'district', 'commune', 'ward', 'town', 'village']);
export type UnitLevel = z.infer<typeof UnitLevel>;

export { DecidingLevel } from '@ntm/domain';
import { DecidingLevel, MonthDay } from '@ntm/domain';
import { StageKindSchema } from './vocabulary.js';
export const ThresholdKind = z.enum(['boolean', 'minimum', 'maximum', 'percentage']);
export const DurationUnit = z.enum(['days', 'working_days']);

/** A threshold value; null means "to be set by the province" (not taken from an official text yet). */
export const ThresholdValue = z.union([z.number(), z.literal(true)]).nullable();

export const CatalogUnit = z.object({
  code,
  name,
  level: UnitLevel,
  parentCode: code.nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  /** The unit's region or group in each criteria set, e.g. { "XA-NTM-2021": "TDMNPB" }. */
  groupings: z.record(code, code).default({}),
  /** Especially disadvantaged, or a safe-zone commune of a poor district (Quyết định 318/QĐ-TTg Điều 1). */
  specialDifficulty: z.boolean().default(false),
});
export type CatalogUnit = z.infer<typeof CatalogUnit>;

export const CatalogIndicator = z.object({
  code,
  name,
  unitOfMeasure: z.string().max(50).nullable().default(null),
  thresholdKind: ThresholdKind,
  thresholds: z.object({ default: ThresholdValue, byGroup: z.record(code, ThresholdValue).default({}) }),
  /** True when the indicator (or its thresholds) is a sample to be replaced from the official text. */
  isSample: z.boolean().default(false),
});

export const CatalogCriterion = z.object({
  number: z.number().int().min(1).max(99),
  code,
  name,
  description: z.string().max(4000).nullable().default(null),
  isKey: z.boolean().default(false),
  indicators: z.array(CatalogIndicator).min(1),
});

export const CatalogCriteriaSet = z.object({
  code,
  name,
  legalBasis: z.string().min(1).max(500),
  unitLevel: UnitLevel,
  validFromYear: year,
  validToYear: year,
  /** null for a national set; the owning province's code for a provincial set or additions. */
  ownerProvinceCode: code.nullable().default(null),
  isSample: z.boolean().default(false),
  groups: z.array(z.object({ code, name })).default([]),
  /** The group whose thresholds especially disadvantaged communes (specialDifficulty) use wherever they are. */
  specialDifficultyGroup: code.nullable().default(null),
  criteria: z.array(CatalogCriterion).min(1),
});
export type CatalogCriteriaSet = z.infer<typeof CatalogCriteriaSet>;

export const CatalogTrack = z.object({
  code,
  name,
  unitLevel: UnitLevel,
  /** National sets the track uses; a province's own sets at the track's unit level count too, for its units. */
  criteriaSetCodes: z.array(code).default([]),
  prerequisites: z.array(code).default([]),
  requiredDocuments: z.array(z.object({ code, name })).default([]),
  stages: z.array(z.object({ code, name, kind: StageKindSchema, decidingLevel: DecidingLevel })).min(2),
});
export type CatalogTrack = z.infer<typeof CatalogTrack>;

export const CatalogDepartment = z.object({
  code,
  name,
  level: z.enum(['province', 'district']),
  /** For a district office (Phòng), the district it serves. */
  districtCode: code.nullable().default(null),
});

export const CatalogAssignment = z.object({
  criteriaSetCode: code,
  criterionCode: code,
  /** null: the whole criterion; otherwise one indicator of it. */
  indicatorCode: code.nullable().default(null),
  departmentCode: code,
});

export const CatalogDuration = z.object({
  trackCode: code,
  stageCode: code,
  amount: z.number().int().min(0).max(3650),
  unit: DurationUnit,
  reminderEveryDays: z.number().int().min(1).max(365).nullable().default(null),
  /** True for a default the province has not confirmed (the national figure was not at hand). */
  isDefault: z.boolean().default(false),
});

export const CatalogHoliday = z.object({ date: isoDate, name });

/** A track's yearly re-check calendar in the province (MM-DD); a date left out is the system's labelled default (docs/recheck-campaigns.md). */
export const CatalogMaintenanceCalendar = z.strictObject({
  trackCode: code,
  opensOn: MonthDay.optional(),
  selfAssessmentDue: MonthDay.optional(),
  appraisalDue: MonthDay.optional(),
  reportDue: MonthDay.optional(),
});

export const CatalogProvince = z.object({
  code,
  name,
  /** false for the two-tier chain (no district stage); before the first of `chainChanges`, if any. */
  hasDistrictStage: z.boolean(),
  /** Changes of the chain of approval, each for dossiers opened from its date (Lai Châu: none from 2025-07-01). */
  chainChanges: z.array(z.object({ from: isoDate, hasDistrictStage: z.boolean() })).default([]),
  postingPeriodDays: z.number().int().min(0).max(365).nullable().default(null),
  satisfactionThresholdPercent: z.number().min(0).max(100).nullable().default(null),
  /** The place names its documents are dated with, by unit (the province, its districts): { "12": "Lai Châu" }. */
  placeNames: z.record(code, name).default({}),
});

const formText = z.string().trim().min(1).max(1000);
/**
 * How a province words its decisions on a track: the body that issues and signs them, the titles
 * that may sign, what the unit is recognised as, the legal bases (the criteria set's own follows
 * them), whose submission it answers, who executes and who receives it. Texts may name the
 * dossier's units as {province}, {district}, {commune}, {village}.
 */
export const CatalogDecisionForm = z.object({
  trackCode: code,
  issuingBody: name,
  headTitle: name,
  deputyTitle: name,
  recognition: name,
  legalBases: z.array(formText).max(20),
  proposedBy: formText.nullable().default(null),
  executors: z.array(formText).min(1).max(30),
  recipients: z.array(formText).min(1).max(30),
});

export const CatalogFile = z
  .object({
    format: z.literal(catalogFormat),
    /** Free text for people: sources, what is official and what is a sample to edit. */
    notes: z.array(z.string().max(2000)).default([]),
    province: CatalogProvince.optional(),
    criteriaSets: z.array(CatalogCriteriaSet).default([]),
    tracks: z.array(CatalogTrack).default([]),
    units: z.array(CatalogUnit).default([]),
    departments: z.array(CatalogDepartment).default([]),
    assignments: z.array(CatalogAssignment).default([]),
    durations: z.array(CatalogDuration).default([]),
    holidays: z.array(CatalogHoliday).default([]),
    decisionForms: z.array(CatalogDecisionForm).default([]),
    maintenanceCalendars: z.array(CatalogMaintenanceCalendar).default([]),
  })
  .superRefine((file, ctx) => {
    const provinceSections = ['units', 'departments', 'assignments', 'durations', 'holidays', 'decisionForms', 'maintenanceCalendars'] as const;
    for (const section of provinceSections) {
      if (file[section].length > 0 && !file.province) {
        ctx.addIssue({ code: 'custom', path: [section], message: 'cần khai báo "province" khi nhập dữ liệu của tỉnh' });
      }
    }
    for (const [i, set] of file.criteriaSets.entries()) {
      if (set.validToYear < set.validFromYear) {
        ctx.addIssue({ code: 'custom', path: ['criteriaSets', i, 'validToYear'], message: 'năm kết thúc trước năm bắt đầu' });
      }
    }
  });
export type CatalogFile = z.infer<typeof CatalogFile>;
export type CatalogFileInput = z.input<typeof CatalogFile>;
