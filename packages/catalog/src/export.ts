import { catalogFormat, type CatalogFile } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { readAssignments, readCriteriaSets, readDecisionForms, readDepartments, readDurations, readHolidays, readMaintenanceCalendars, readProvince, readUnits } from './read.js';

/** A province's whole catalog as an importable file; importing it back changes nothing. */
export async function exportProvinceCatalog(db: Db, provinceCode: string): Promise<CatalogFile | undefined> {
  const province = await readProvince(db, provinceCode);
  if (!province) return undefined;
  const [units, criteriaSets, departments, assignments, durations, holidays, decisionForms, maintenanceCalendars] = await Promise.all([
    readUnits(db, { provinceCode }),
    readCriteriaSets(db, { ownerProvinceCode: provinceCode }),
    readDepartments(db, provinceCode),
    readAssignments(db, provinceCode),
    readDurations(db, provinceCode),
    readHolidays(db, provinceCode),
    readDecisionForms(db, provinceCode),
    readMaintenanceCalendars(db, provinceCode),
  ]);
  return { format: catalogFormat, notes: [], province, criteriaSets, tracks: [], units, departments, assignments, durations, holidays, decisionForms, maintenanceCalendars };
}
