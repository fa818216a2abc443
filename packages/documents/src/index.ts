export * from './decision-pdf.js';
export * from './decision-layout.js';
export * from './revocation-pdf.js';
