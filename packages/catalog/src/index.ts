export { importCatalog, type CatalogChange, type ImportResult } from './import.js';
export { exportProvinceCatalog } from './export.js';
export { readCriteriaSets, readDurations, readHolidays, readProvince, readTracks, readUnits } from './read.js';
export { toSearchName } from './search-name.js';
export { seedCatalog } from './seed.js';
export { parseUnitsCsv, unitCsvColumns } from './units-csv.js';
export { candidateSets } from './candidate-sets.js';
export { readDossierPlan } from './dossier-plan.js';
export { unitChain, unitSubtree } from './unit-tree.js';
