import type { AdministrativeUnit, Recognition, Track, UnitLevel } from './catalog.js';
import { IsoDate, formatVietnameseDate } from './iso-date.js';

export const EligibilityReasonCode = {
  unitLevelMismatch: 'unit_level_mismatch',
  unitNotYetEstablished: 'unit_not_yet_established',
  unitNoLongerExists: 'unit_no_longer_exists',
  prerequisiteMissing: 'prerequisite_missing',
  alreadyRecognised: 'already_recognised',
  dossierAlreadyOpen: 'dossier_already_open',
} as const;
export type EligibilityReasonCode = (typeof EligibilityReasonCode)[keyof typeof EligibilityReasonCode];

export type EligibilityReason = { code: EligibilityReasonCode; message: string };

export type Eligibility = { eligible: true } | { eligible: false; reasons: EligibilityReason[] };

/** A dossier of the unit still in process (neither decided nor withdrawn). */
export type OpenDossier = { unitCode: string; trackCode: string; trackingCode?: string };

export type EligibilityInput = {
  unit: Pick<AdministrativeUnit, 'code' | 'name' | 'level' | 'validFrom' | 'validTo'>;
  track: Pick<Track, 'code' | 'name' | 'unitLevel' | 'prerequisites'>;
  /** Recognitions held by the unit; other units' entries are ignored. */
  recognitions: readonly Recognition[];
  /** The day eligibility is judged on, ISO `YYYY-MM-DD`. */
  asOf: string;
  openDossiers?: readonly OpenDossier[];
  /** Only used to name prerequisite tracks in messages; their codes are shown otherwise. */
  tracks?: ReadonlyArray<Pick<Track, 'code' | 'name'>>;
};

const levelNames: Record<UnitLevel, string> = {
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
  ward: 'phường',
  town: 'thị trấn',
  village: 'thôn, bản',
};

/** Whether a unit may open a dossier on a track. Every failing rule is reported, not just the first. */
export function checkEligibility(input: EligibilityInput): Eligibility {
  const { unit, track, asOf } = input;
  if (!IsoDate.safeParse(asOf).success) throw new RangeError(`Invalid ISO date: ${asOf}`);
  const reasons: EligibilityReason[] = [];
  const reason = (code: EligibilityReasonCode, message: string) => reasons.push({ code, message });
  const recognitions = input.recognitions.filter((r) => r.unitCode === unit.code);
  const holdsActive = (trackCode: string) =>
    recognitions.find((r) => r.trackCode === trackCode && r.status === 'active');

  if (unit.level !== track.unitLevel) {
    reason(
      EligibilityReasonCode.unitLevelMismatch,
      `"${track.name}" dành cho cấp ${levelNames[track.unitLevel]}; ${unit.name} là đơn vị cấp ${levelNames[unit.level]}.`,
    );
  }

  // ISO dates compare correctly as strings; validTo is the last day the unit exists.
  if (asOf < unit.validFrom) {
    reason(
      EligibilityReasonCode.unitNotYetEstablished,
      `${unit.name} chỉ có hiệu lực từ ngày ${formatVietnameseDate(unit.validFrom)}.`,
    );
  } else if (unit.validTo !== null && asOf > unit.validTo) {
    reason(
      EligibilityReasonCode.unitNoLongerExists,
      `${unit.name} đã hết hiệu lực sau ngày ${formatVietnameseDate(unit.validTo)} (giải thể hoặc sáp nhập).`,
    );
  }

  for (const prerequisite of track.prerequisites) {
    if (holdsActive(prerequisite)) continue;
    const name = input.tracks?.find((t) => t.code === prerequisite)?.name ?? prerequisite;
    reason(
      EligibilityReasonCode.prerequisiteMissing,
      `${unit.name} chưa có quyết định công nhận "${name}" còn hiệu lực.`,
    );
  }

  const held = holdsActive(track.code);
  if (held) {
    reason(
      EligibilityReasonCode.alreadyRecognised,
      `${unit.name} đã được công nhận "${track.name}" năm ${held.year} và quyết định còn hiệu lực.`,
    );
  }

  const open = input.openDossiers?.find((d) => d.unitCode === unit.code && d.trackCode === track.code);
  if (open) {
    const tracking = open.trackingCode ? ` (mã hồ sơ ${open.trackingCode})` : '';
    reason(
      EligibilityReasonCode.dossierAlreadyOpen,
      `${unit.name} đã có hồ sơ "${track.name}" đang được xử lý${tracking}.`,
    );
  }

  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}
