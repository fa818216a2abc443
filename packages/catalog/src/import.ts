import { createHash } from 'node:crypto';
import { CatalogFile, systemSender, type FieldError, type RecordedBy } from '@ntm/contracts';
import { maintenanceCalendarOf, unitLevelTier } from '@ntm/domain';
import { appendAudit, type Db, type Prisma } from '@ntm/db';
import { readAssignments, readCriteriaSets, readDecisionForms, readDepartments, readDurations, readHolidays, readMaintenanceCalendars, readProvince, readTracks, readUnits } from './read.js';
import { deletedCriteriaInUse } from './criteria-in-use.js';
import { loadReferences } from './references.js';
import * as rows from './rows.js';
import { stableJson } from './stable-json.js';
import { validateReferences } from './validate.js';

export type CatalogEntity = 'province' | 'unit' | 'criteriaSet' | 'track' | 'department' | 'assignment' | 'duration' | 'holiday' | 'decisionForm' | 'maintenanceCalendar';

export interface CatalogChange {
  entity: CatalogEntity;
  key: string;
  action: 'create' | 'update';
}

export type ImportResult =
  | { ok: true; dryRun: boolean; changes: CatalogChange[]; unchanged: number; file: CatalogFile }
  | { ok: false; errors: FieldError[] };

const levelOrder = unitLevelTier;

/**
 * Imports a catalog file all-or-nothing: it is validated whole (shape, then every reference),
 * compared with what the database holds, and written in one transaction. Entries the file does
 * not name are left alone; a criterion that dossiers' set uses is never deleted (refused).
 * Dossiers keep the plan they opened with, so an import changes no open or decided dossier.
 * With `dryRun` it only answers what would change.
 */
export async function importCatalog(db: Db, input: unknown, opts: { dryRun?: boolean; source?: string; by?: RecordedBy } = {}): Promise<ImportResult> {
  const parsed = CatalogFile.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ location: ['body', ...i.path.map(String)].join('.'), message: i.message })) };
  }
  const file = parsed.data;
  const errors = [...validateReferences(file, await loadReferences(db, file)), ...(await deletedCriteriaInUse(db, file))];
  if (errors.length > 0) return { ok: false, errors };

  const { changes, unchanged } = await plan(db, file);
  if (!opts.dryRun) {
    const record = {
      source: opts.source ?? 'file',
      provinceCode: file.province?.code ?? null,
      fileSha256: createHash('sha256').update(stableJson(file)).digest('hex'),
      changes: changes as unknown as Prisma.InputJsonValue,
    };
    await db.$transaction(
      async (tx) => {
        await apply(tx as unknown as Db, file, changes, (opts.by ?? systemSender).actor);
        await tx.catalogImport.create({ data: record });
        await appendAudit(tx, {
          ...(opts.by ?? systemSender),
          unitCode: record.provinceCode,
          dossierId: null,
          command: 'catalog.imported',
          summary: { before: null, after: { source: record.source, fileSha256: record.fileSha256, changes: changes.length } },
        });
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }
  return { ok: true, dryRun: opts.dryRun === true, changes, unchanged, file };
}

async function plan(db: Db, file: CatalogFile): Promise<{ changes: CatalogChange[]; unchanged: number }> {
  const changes: CatalogChange[] = [];
  let unchanged = 0;
  const compare = <T>(entity: CatalogEntity, wanted: T[], existing: T[], key: (x: T) => string) => {
    const have = new Map(existing.map((x) => [key(x), stableJson(x)]));
    for (const w of wanted) {
      const before = have.get(key(w));
      if (before === undefined) changes.push({ entity, key: key(w), action: 'create' });
      else if (before !== stableJson(w)) changes.push({ entity, key: key(w), action: 'update' });
      else unchanged++;
    }
  };

  const p = file.province;
  if (p) {
    const existing = await readProvince(db, p.code);
    compare('province', [p], existing ? [existing] : [], (x) => x.code);
  }
  compare('criteriaSet', file.criteriaSets, await readCriteriaSets(db, { code: { in: file.criteriaSets.map((s) => s.code) } }), (x) => x.code);
  compare('track', file.tracks, await readTracks(db, { code: { in: file.tracks.map((t) => t.code) } }), (x) => x.code);
  if (p) {
    compare('unit', file.units, await readUnits(db, { code: { in: file.units.map((u) => u.code) } }), (x) => x.code);
    compare('department', file.departments, await readDepartments(db, p.code), (x) => x.code);
    compare('duration', file.durations, await readDurations(db, p.code), (x) => `${x.trackCode}/${x.stageCode}`);
    compare('holiday', file.holidays, await readHolidays(db, p.code), (x) => x.date);
    compare('decisionForm', file.decisionForms, await readDecisionForms(db, p.code), (x) => x.trackCode);
    compare('maintenanceCalendar', file.maintenanceCalendars, await readMaintenanceCalendars(db, p.code), (x) => x.trackCode);
    const wantedGroups = [...rows.assignmentGroups(file).entries()].map(([key, g]) => ({ key, departments: g.departments }));
    const existingGroups = [...rows.assignmentGroups({ ...file, assignments: await readAssignments(db, p.code) }).entries()].map(([key, g]) => ({ key, departments: g.departments }));
    compare('assignment', wantedGroups, existingGroups, (x) => x.key);
  }
  return { changes, unchanged };
}

async function apply(tx: Db, file: CatalogFile, changes: CatalogChange[], actor: string): Promise<void> {
  const changed = (entity: CatalogEntity) => new Set(changes.filter((c) => c.entity === entity).map((c) => c.key));
  const p = file.province;

  if (p && changed('province').size > 0) {
    const row = rows.provinceRow(p);
    await tx.province.upsert({ where: { code: p.code }, create: row, update: row });
  }
  for (const s of file.criteriaSets.filter((x) => changed('criteriaSet').has(x.code))) {
    const row = { ...rows.criteriaSetRow(s), groups: s.groups as Prisma.InputJsonValue };
    await tx.criteriaSet.upsert({ where: { code: s.code }, create: row, update: row });
    await tx.criterion.deleteMany({ where: { criteriaSetCode: s.code } });
    await tx.criterion.createMany({ data: rows.criterionRows(s) });
    await tx.indicator.createMany({ data: rows.indicatorRows(s) });
  }
  for (const t of file.tracks.filter((x) => changed('track').has(x.code))) {
    const row = { ...rows.trackRow(t), requiredDocuments: t.requiredDocuments, stages: t.stages };
    await tx.track.upsert({ where: { code: t.code }, create: row, update: row });
  }
  if (!p) return;

  const units = file.units.filter((x) => changed('unit').has(x.code)).sort((a, b) => levelOrder[a.level] - levelOrder[b.level]);
  for (const u of units) {
    const row = rows.unitRow(u, p.code);
    await tx.administrativeUnit.upsert({ where: { code: u.code }, create: row, update: row });
    await tx.unitGrouping.deleteMany({ where: { unitCode: u.code } });
    await tx.unitGrouping.createMany({ data: Object.entries(u.groupings).map(([criteriaSetCode, groupCode]) => ({ unitCode: u.code, criteriaSetCode, groupCode })) });
  }
  for (const d of file.departments.filter((x) => changed('department').has(x.code))) {
    const row = rows.departmentRow(d, p.code);
    await tx.department.upsert({ where: { provinceCode_code: { provinceCode: p.code, code: d.code } }, create: row, update: row });
  }
  const assignmentKeys = changed('assignment');
  for (const [key, g] of rows.assignmentGroups(file)) {
    if (!assignmentKeys.has(key)) continue;
    const where = { provinceCode: p.code, criteriaSetCode: g.criteriaSetCode, criterionCode: g.criterionCode, indicatorCode: g.indicatorCode };
    await tx.criterionAssignment.deleteMany({ where });
    await tx.criterionAssignment.createMany({ data: g.departments.map((departmentCode) => ({ ...where, departmentCode })) });
  }
  for (const d of file.durations.filter((x) => changed('duration').has(`${x.trackCode}/${x.stageCode}`))) {
    const row = rows.durationRow(d, p.code);
    await tx.stageDuration.upsert({ where: { provinceCode_trackCode_stageCode: { provinceCode: p.code, trackCode: d.trackCode, stageCode: d.stageCode } }, create: row, update: row });
  }
  for (const h of file.holidays.filter((x) => changed('holiday').has(x.date))) {
    const row = rows.holidayRow(h, p.code);
    await tx.holiday.upsert({ where: { provinceCode_date: { provinceCode: p.code, date: row.date } }, create: row, update: row });
  }
  for (const f of file.decisionForms.filter((x) => changed('decisionForm').has(x.trackCode))) {
    const row = rows.decisionFormRow(f, p.code);
    await tx.decisionForm.upsert({ where: { provinceCode_trackCode: { provinceCode: p.code, trackCode: f.trackCode } }, create: row, update: row });
  }
  for (const m of file.maintenanceCalendars.filter((x) => changed('maintenanceCalendar').has(x.trackCode))) {
    // Dates left out are the labelled defaults, as through the API (PUT /provinces/{province}/maintenance-calendars/{track}).
    const { calendar, defaults } = maintenanceCalendarOf(m);
    const data = { ...calendar, defaultFields: defaults, updatedBy: actor };
    await tx.maintenanceCalendar.upsert({ where: { provinceCode_trackCode: { provinceCode: p.code, trackCode: m.trackCode } }, create: { provinceCode: p.code, trackCode: m.trackCode, ...data }, update: data });
  }
}
