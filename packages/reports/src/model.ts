import type { ReportResults } from './status.js';

/**
 * What a progress report is computed from (all plain data, read from the record by the caller) and
 * what it says. Names of units and criteria come from the catalog; nothing here names one.
 */

/** Whose result a status is: a department's appraisal, or the unit's own self-assessment. */
export type ResultSource = 'appraisal' | 'self_assessment';

export interface ReportUnit {
  code: string;
  name: string;
  /** Wards (phường) and towns (thị trấn) are units but never NTM communes: no commune figure counts them. */
  level: 'province' | 'district' | 'commune' | 'ward' | 'town' | 'village';
  parentCode: string | null;
}

export interface CriterionDef {
  code: string;
  number: number;
  name: string;
  /** Its indicators' codes; a criterion recorded indicator by indicator is met when all of them are. */
  indicatorCodes: readonly string[];
}

export interface CriteriaSetDef {
  code: string;
  name: string;
  criteria: readonly CriterionDef[];
}

/** One recorded result of a unit on a criterion (indicatorCode null) or one of its indicators, on a date. */
export interface ResultRecord {
  unitCode: string;
  criteriaSetCode: string;
  criterionCode: string;
  indicatorCode: string | null;
  /** ISO date the result was recorded (a status record's date, a dossier's submission or verdict day). */
  on: string;
  met: boolean;
  source: ResultSource;
}

/** A recognition decision on a unit: in force from `from`, until `revokedOn` where it was revoked. */
export interface RecognitionFact {
  unitCode: string;
  trackCode: string;
  from: string;
  /** The revocation's date; `'unknown'` for one recorded as revoked without a date (never counted). */
  revokedOn: string | null;
}

export interface TargetFact {
  unitCode: string;
  trackCode: string;
  targetYear: number;
}

/** A band of criteria met, both ends included: "15–18", "dưới 5" (0–4). */
export interface Band {
  min: number;
  max: number;
}

export interface ReportInput {
  /** The reported unit (a province or district), or null for the whole country. */
  scope: { code: string; name: string; level: 'country' | 'province' | 'district' };
  asOf: string;
  /** Every unit under the scope valid on asOf: groups (districts, or provinces for the country), communes, villages. */
  units: readonly ReportUnit[];
  /** The level the figures are grouped by: district for a province, province for the country, none for a district. */
  groupLevel: 'province' | 'district' | null;
  /** The commune set in force for the asOf year; the advanced, village and district sets where there are any. */
  sets: { commune: CriteriaSetDef; advanced: CriteriaSetDef | null; village: CriteriaSetDef | null; district: CriteriaSetDef | null };
  /** The latest result of each unit, criterion and indicator on or before asOf, on the report's sets. */
  results: ReportResults;
  recognitions: readonly RecognitionFact[];
  targets: readonly TargetFact[];
  /** Track codes: the commune standard (targets, recognitions) and the advanced one. */
  tracks: { commune: string; advanced: string };
  bands: readonly Band[];
}

export interface CriterionStatus {
  code: string;
  met: boolean;
  /** Where the status comes from; null when nothing was recorded (counted as not met). */
  source: ResultSource | null;
  on: string | null;
}

export interface UnitStatus {
  code: string;
  name: string;
  groupCode: string | null;
  met: number;
  total: number;
  atStandard: boolean;
  criteria: CriterionStatus[];
}

export interface CommuneFigures {
  communes: number;
  atStandard: number;
  /** Of the communes at standard, those holding a recognition in force on the date. */
  recognisedAtStandard: number;
  /** Every commune holding a recognition in force on the date. */
  recognised: number;
  /** atStandard / communes in percent, two decimals. */
  sharePercent: number;
  /** Criteria met per commune, two decimals. */
  averageMet: number;
  bands: { min: number; max: number; count: number }[];
}

export interface DistrictCriteriaStatus {
  met: number;
  total: number;
  indicatorsMet: number;
  indicatorsTotal: number;
  metCriteria: string[];
  unmetCriteria: string[];
}

export interface GroupFigures {
  code: string;
  name: string;
  figures: CommuneFigures;
  /** Its status on the district set's criteria, where it has any recorded. */
  districtCriteria: DistrictCriteriaStatus | null;
}

export interface PlannedCommune {
  code: string;
  name: string;
  groupName: string | null;
  met: number;
  total: number;
  unmetCriteria: string[];
}

export interface ProgressReport {
  scope: ReportInput['scope'];
  asOf: string;
  criteriaSet: { code: string; name: string; criteriaCount: number };
  summary: CommuneFigures;
  groupLevel: ReportInput['groupLevel'];
  groups: GroupFigures[];
  criteria: { code: string; number: number; name: string; notMet: number; notMetPercent: number }[];
  planned: { year: number; communes: PlannedCommune[]; averageMet: number }[];
  advanced: { criteriaSet: { code: string; name: string; criteriaCount: number }; communes: { code: string; name: string; groupName: string | null; met: number; total: number; metCriteria: string[] }[] } | null;
  villages: { criteriaCount: number; villages: number; atStandard: number; averageMetOfOthers: number } | null;
  /** Each commune's criteria and where each status comes from. */
  communes: UnitStatus[];
  /** Where the statuses come from, counted over every commune and criterion. */
  sources: { appraisal: number; selfAssessment: number; none: number };
}

export interface ReportChange {
  since: string;
  atStandard: number;
  recognised: number;
  averageMet: number;
  sharePercent: number;
  bands: { min: number; max: number; change: number }[];
  groups: { code: string; name: string; atStandard: number; averageMet: number }[];
  /** Communes at standard on asOf and not on `since`, and the reverse. */
  reachedStandard: { code: string; name: string }[];
  lostStandard: { code: string; name: string }[];
}

export interface ComparedReport extends ProgressReport {
  change: ReportChange | null;
}
