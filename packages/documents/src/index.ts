export * from './decision-pdf.js';
export * from './decision-layout.js';
