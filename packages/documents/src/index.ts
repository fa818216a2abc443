export * from './decision-pdf.js';
