import { createHash } from 'node:crypto';
import type { CreateDossierBody, DossierWorkflowInput } from '@ntm/contracts';
import { candidateSets, resolveAppraisers, readDurations, readHolidays, readProvince, readTracks, readUnits } from '@ntm/catalog';
import type { Db } from '@ntm/db';
import { CriteriaSet, appliedProvinceSettings, checkEligibility, criteriaSetInForce, hasDistrictStageOn, plannedIndicators, requiredCriteria, thresholdGroupOf, unfollowableUnderChain, vietnamDay } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { requireUnitAccess, type RequestActor } from '@ntm/access';

const unitLevel = (level: string) => (level === 'village' || level === 'district' ? level : 'commune');

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A human-friendly tracking code (mã hồ sơ) derived from the dossier id: 12-2026-7KQ3M9XA. */
export function trackingCode(provinceCode: string, year: number, dossierId: string): string {
  const bytes = createHash('sha256').update(dossierId).digest();
  let bits = 0n;
  for (const b of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 0; i < 8; i++) code = crockford[Number((bits >> BigInt(i * 5)) & 31n)] + code;
  return `${provinceCode}-${year}-${code}`;
}

/**
 * Everything the workflow needs, read from the catalog once at creation (`openedAt`, its day in
 * Vietnam is the opening day): the unit's chain, the criteria set in force for the year with the thresholds of the
 * unit's group, required documents, stages and the province's chain that day. This is the
 * dossier's plan, frozen with it. Refuses an ineligible unit.
 */
export async function planDossier(db: Db, body: CreateDossierBody, opener: { actor: RequestActor; requestId: string }, openedAt: Date): Promise<DossierWorkflowInput> {
  const today = vietnamDay(openedAt);
  const [unit] = await readUnits(db, { code: body.unitCode });
  if (!unit) throw new HttpProblem('notFound', `Không có đơn vị "${body.unitCode}".`);
  const [track] = await readTracks(db, { code: body.trackCode });
  if (!track) throw new HttpProblem('notFound', `Không có loại hồ sơ "${body.trackCode}".`);

  const chain = [unit];
  while (chain[0]?.parentCode) {
    const [parent] = await readUnits(db, { code: chain[0].parentCode });
    if (!parent || chain.length > 5) break;
    chain.unshift(parent);
  }
  const province = chain[0];
  if (province?.level !== 'province') throw new HttpProblem('validation', `Đơn vị "${unit.code}" không thuộc tỉnh nào trong danh mục.`);
  const role = requireUnitAccess(opener.actor, 'dossier.create', chain.map((u) => u.code), unitLevel(track.unitLevel));

  const open = await db.dossier.findMany({ where: { unitCode: unit.code, trackCode: track.code, openKey: { not: null } }, select: { unitCode: true, trackCode: true, trackingCode: true } });
  const recognitions = (await db.recognition.findMany({ where: { unitCode: unit.code } })).map((r) => ({
    unitCode: r.unitCode,
    trackCode: r.trackCode,
    year: r.year,
    status: r.status as 'active' | 'revoked',
  }));
  const eligibility = checkEligibility({ unit, track, recognitions, asOf: today, openDossiers: open, tracks: await readTracks(db) });
  if (!eligibility.eligible) {
    throw new HttpProblem('unprocessable', 'Đơn vị chưa đủ điều kiện lập hồ sơ này.', eligibility.reasons.map((r) => ({ location: `body.${r.code}`, message: r.message })));
  }

  const candidates = await candidateSets(db, track, province.code);
  const inForce = criteriaSetInForce(candidates.track, candidates.sets.map((s) => CriteriaSet.parse(s)), body.year);
  if (inForce.kind !== 'found') throw new HttpProblem('unprocessable', inForce.message);

  const set = inForce.set;
  const required = requiredCriteria(set);
  const groupCode = thresholdGroupOf(unit, set);
  const group = set.groups.find((g) => g.code === groupCode);
  const districtCode = chain.find((u) => u.level === 'district')?.code ?? null;
  const appraisers = await appraisersOf(db, province.code, districtCode, set.code, required.map((c) => c.code));
  const settings = await readProvince(db, province.code);
  if (!settings) throw new HttpProblem('unprocessable', `Tỉnh "${province.code}" chưa có cấu hình trong danh mục.`);
  const applied = appliedProvinceSettings(settings);
  const hasDistrictStage = hasDistrictStageOn(settings, today);
  const unfollowable = unfollowableUnderChain(track.stages, hasDistrictStage);
  if (unfollowable) throw new HttpProblem('unprocessable', `Loại hồ sơ "${track.name}" chưa phù hợp với chuỗi phê duyệt của tỉnh ngày ${today}: ${unfollowable}; cần cấu hình lại các bước.`);
  const durations = Object.fromEntries(
    (await readDurations(db, province.code)).filter((d) => d.trackCode === track.code).map((d) => [d.stageCode, { amount: d.amount, unit: d.unit, reminderEveryDays: d.reminderEveryDays }]),
  );

  return {
    dossierId: body.commandId,
    trackingCode: trackingCode(province.code, body.year, body.commandId),
    unitCode: unit.code,
    unitChain: chain.map((u) => u.code),
    unitLevel: unitLevel(track.unitLevel),
    provinceCode: province.code,
    districtCode,
    trackCode: track.code,
    year: body.year,
    criteriaSetCode: set.code,
    trackName: track.name,
    criteriaSetName: set.name,
    legalBasis: set.legalBasis,
    thresholdGroup: group ? { code: group.code, name: group.name } : null,
    requiredCriteria: required.map((c) => ({ code: c.code, number: c.number, name: c.name, indicators: plannedIndicators(c, group?.code) })),
    requiredDocuments: track.requiredDocuments,
    stages: track.stages,
    appraisers,
    hasDistrictStage,
    // Never empty: a province without its own value gets the labelled national default.
    postingPeriodDays: applied.postingPeriodDays.value,
    satisfactionThresholdPercent: applied.satisfactionThresholdPercent.value,
    durations,
    holidays: (await readHolidays(db, province.code)).map((h) => h.date),
    openedBy: { actor: opener.actor.username, role, requestId: opener.requestId },
  };
}

/** Who appraises what; every criterion needs a department. */
async function appraisersOf(db: Db, provinceCode: string, districtCode: string | null, criteriaSetCode: string, criteria: string[]) {
  const { appraisers, unassigned } = await resolveAppraisers(db, provinceCode, districtCode, criteriaSetCode, criteria);
  if (unassigned.length > 0) {
    throw new HttpProblem(
      'unprocessable',
      'Tỉnh chưa phân công sở/phòng thẩm định cho mọi tiêu chí của hồ sơ.',
      unassigned.map((c) => ({ location: `catalog.assignments.${c}`, message: `Tiêu chí "${c}" chưa được giao cho sở/phòng nào.` })),
    );
  }
  return appraisers;
}
