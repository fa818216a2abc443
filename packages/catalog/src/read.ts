import type { Db, Prisma } from '@ntm/db';
import { CatalogCriteriaSet, CatalogProvince, CatalogTrack, type CatalogFile } from '@ntm/contracts';
import { fromStoredDate, maintenanceCalendarFields } from '@ntm/domain';

// Database rows back into catalog-file entries: used by export, and by import to tell what changed.

type File = CatalogFile;
const isoDate = fromStoredDate;

export async function readProvince(db: Db, code: string): Promise<File['province'] | undefined> {
  const p = await db.province.findUnique({ where: { code } });
  if (!p) return undefined;
  return {
    code: p.code,
    name: p.name,
    hasDistrictStage: p.hasDistrictStage,
    chainChanges: CatalogProvince.shape.chainChanges.parse(p.chainChanges),
    postingPeriodDays: p.postingPeriodDays,
    satisfactionThresholdPercent: p.satisfactionThresholdPercent === null ? null : Number(p.satisfactionThresholdPercent),
    placeNames: p.placeNames as Record<string, string>,
  };
}

export async function readUnits(db: Db, where: Prisma.AdministrativeUnitWhereInput): Promise<File['units']> {
  const units = await db.administrativeUnit.findMany({ where, include: { groupings: true }, orderBy: { code: 'asc' } });
  return units.map((u) => ({
    code: u.code,
    name: u.name,
    level: u.level as File['units'][number]['level'],
    parentCode: u.parentCode,
    validFrom: isoDate(u.validFrom),
    validTo: u.validTo === null ? null : isoDate(u.validTo),
    groupings: Object.fromEntries(u.groupings.map((g) => [g.criteriaSetCode, g.groupCode])),
    specialDifficulty: u.specialDifficulty,
  }));
}

export async function readCriteriaSets(db: Db, where: Prisma.CriteriaSetWhereInput): Promise<File['criteriaSets']> {
  const sets = await db.criteriaSet.findMany({
    where,
    orderBy: { code: 'asc' },
    include: { criteria: { orderBy: { number: 'asc' }, include: { indicators: { orderBy: { position: 'asc' } } } } },
  });
  // Parsing through the contract turns the JSON columns back into typed values.
  return sets.map((s) =>
    CatalogCriteriaSet.parse({
      code: s.code,
      name: s.name,
      legalBasis: s.legalBasis,
      unitLevel: s.unitLevel,
      validFromYear: s.validFromYear,
      validToYear: s.validToYear,
      ownerProvinceCode: s.ownerProvinceCode,
      isSample: s.isSample,
      groups: s.groups,
      specialDifficultyGroup: s.specialDifficultyGroup,
      criteria: s.criteria.map((c) => ({
        number: c.number,
        code: c.code,
        name: c.name,
        description: c.description,
        isKey: c.isKey,
        indicators: c.indicators.map((i) => ({
          code: i.code,
          name: i.name,
          unitOfMeasure: i.unitOfMeasure,
          thresholdKind: i.thresholdKind,
          thresholds: i.thresholds,
          isSample: i.isSample,
        })),
      })),
    }),
  );
}

export async function readTracks(db: Db, where: Prisma.TrackWhereInput = {}): Promise<File['tracks']> {
  const tracks = await db.track.findMany({ where, orderBy: { code: 'asc' } });
  return tracks.map((t) =>
    CatalogTrack.parse({
      code: t.code,
      name: t.name,
      unitLevel: t.unitLevel,
      criteriaSetCodes: t.criteriaSetCodes,
      prerequisites: t.prerequisites,
      requiredDocuments: t.requiredDocuments,
      stages: t.stages,
    }),
  );
}

export async function readDepartments(db: Db, provinceCode: string): Promise<File['departments']> {
  const rows = await db.department.findMany({ where: { provinceCode }, orderBy: { code: 'asc' } });
  return rows.map((d) => ({ code: d.code, name: d.name, level: d.level as 'province' | 'district', districtCode: d.districtCode }));
}

export async function readAssignments(db: Db, provinceCode: string): Promise<File['assignments']> {
  const rows = await db.criterionAssignment.findMany({
    where: { provinceCode },
    orderBy: [{ criteriaSetCode: 'asc' }, { criterionCode: 'asc' }, { indicatorCode: 'asc' }, { departmentCode: 'asc' }],
  });
  return rows.map((a) => ({
    criteriaSetCode: a.criteriaSetCode,
    criterionCode: a.criterionCode,
    indicatorCode: a.indicatorCode === '' ? null : a.indicatorCode,
    departmentCode: a.departmentCode,
  }));
}

export async function readDurations(db: Db, provinceCode: string): Promise<File['durations']> {
  const rows = await db.stageDuration.findMany({ where: { provinceCode }, orderBy: [{ trackCode: 'asc' }, { stageCode: 'asc' }] });
  return rows.map((d) => ({
    trackCode: d.trackCode,
    stageCode: d.stageCode,
    amount: d.amount,
    unit: d.unit as 'days' | 'working_days',
    reminderEveryDays: d.reminderEveryDays,
    isDefault: d.isDefault,
  }));
}

export async function readHolidays(db: Db, provinceCode: string): Promise<File['holidays']> {
  const rows = await db.holiday.findMany({ where: { provinceCode }, orderBy: { date: 'asc' } });
  return rows.map((h) => ({ date: isoDate(h.date), name: h.name }));
}

export async function readDecisionForms(db: Db, provinceCode: string): Promise<File['decisionForms']> {
  const rows = await db.decisionForm.findMany({ where: { provinceCode }, orderBy: { trackCode: 'asc' } });
  return rows.map(({ provinceCode: _, updatedAt: __, ...form }) => form);
}

/** The province's re-check calendars as the file writes them: only the dates it set (the others are defaults). */
export async function readMaintenanceCalendars(db: Db, provinceCode: string): Promise<File['maintenanceCalendars']> {
  const rows = await db.maintenanceCalendar.findMany({ where: { provinceCode }, orderBy: { trackCode: 'asc' } });
  return rows.map((r) => {
    const set = maintenanceCalendarFields.filter((f) => !r.defaultFields.includes(f));
    return { trackCode: r.trackCode, ...Object.fromEntries(set.map((f) => [f, r[f]])) };
  });
}
