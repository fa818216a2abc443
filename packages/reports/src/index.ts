export * from './model.js';
export { computeReport, defaultBands, inForce } from './compute.js';
export { ReportResults, type SetResults } from './status.js';
export { compareReports } from './compare.js';
export { reportTables, type ReportTable } from './tables.js';
export { writeReportXlsx } from './xlsx.js';
export { writeReportPdf } from './pdf.js';
export { reportCsvChunks } from './csv.js';
export { bandLabel, formatDate, formatDecimal, parseBands } from './words.js';
