import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/** Drawing helpers for the report PDF: A4, DejaVu (every Vietnamese letter), tables and bar charts. */
export type Doc = PDFKit.PDFDocument;

const require = createRequire(import.meta.url);
const font = (style: string) => require.resolve(`dejavu-fonts-ttf/ttf/DejaVuSerifCondensed${style}.ttf`);
const fonts = { regular: font(''), bold: font('-Bold'), italic: font('-Italic'), boldItalic: font('-BoldItalic') };

const mm = 72 / 25.4;
export const margin = { top: 20 * mm, bottom: 20 * mm, left: 25 * mm, right: 20 * mm };
export const width = (doc: Doc) => doc.page.width - margin.left - margin.right;
const bottom = (doc: Doc) => doc.page.height - margin.bottom;

export function createDoc(title: string, date: Date): Doc {
  const doc = new PDFDocument({ size: 'A4', margins: margin, info: { Title: title, CreationDate: date, ModDate: date }, pdfVersion: '1.7', bufferPages: false });
  for (const [name, file] of Object.entries(fonts)) doc.registerFont(name, file);
  return doc.font('regular').fontSize(12);
}

/** Starts a new page when `height` does not fit below the cursor. */
export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 60);
  doc.moveDown(0.6).font('bold').fontSize(12.5).text(text, margin.left, doc.y, { width: width(doc) }).moveDown(0.2);
  doc.font('regular').fontSize(12);
}

export function paragraph(doc: Doc, text: string, style: 'regular' | 'italic' | 'bold' = 'regular'): void {
  doc.font(style).fontSize(12).text(text, margin.left, doc.y, { width: width(doc), align: 'justify' });
}

export interface PdfColumn {
  header: string;
  /** Share of the table's width. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

/** A ruled table; the header row repeats on every page it runs onto. */
export function table(doc: Doc, columns: PdfColumn[], rows: string[][]): void {
  const total = columns.reduce((a, c) => a + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * width(doc));
  const pad = 3;
  const size = 9.5;
  const rowHeight = (cells: string[], style: string) => {
    doc.font(style).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], style: string, fill?: string) => {
    const h = rowHeight(cells, style);
    const top = doc.y;
    let x = margin.left;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      if (fill) doc.save().rect(x, top, w, h).fill(fill).restore();
      doc.lineWidth(0.5).rect(x, top, w, h).stroke('#444444');
      doc.fillColor('black').font(style).fontSize(size).text(c, x + pad, top + pad, { width: w - 2 * pad, align: columns[i]?.align ?? 'left' });
      x += w;
    });
    doc.x = margin.left;
    doc.y = top + h;
  };
  const headers = columns.map((c) => c.header);
  ensureRoom(doc, rowHeight(headers, 'bold') + 20);
  drawRow(headers, 'bold', '#e8e8e8');
  for (const row of rows) {
    if (doc.y + rowHeight(row, 'regular') > bottom(doc)) {
      doc.addPage();
      drawRow(headers, 'bold', '#e8e8e8');
    }
    drawRow(row, 'regular');
  }
  doc.moveDown(0.5).font('regular').fontSize(12);
}

/** A horizontal bar chart with its caption, one bar per item, the value at the bar's end. */
export function barChart(doc: Doc, caption: string, items: { label: string; value: number; text: string }[]): void {
  const barHeight = 13;
  const gap = 5;
  const labelWidth = width(doc) * 0.42;
  const barSpace = width(doc) - labelWidth - 50;
  const height = items.length * (barHeight + gap) + 30;
  ensureRoom(doc, Math.min(height, 400));
  doc.font('italic').fontSize(11).text(caption, margin.left, doc.y, { width: width(doc), align: 'center' }).moveDown(0.3);
  const max = Math.max(1, ...items.map((i) => i.value));
  for (const item of items) {
    ensureRoom(doc, barHeight + gap);
    const top = doc.y;
    // A long criterion name is set smaller rather than wrapped onto the next bar.
    doc.font('regular').fontSize(9);
    const fit = Math.min(9, (9 * (labelWidth - 6)) / doc.widthOfString(item.label));
    doc.fontSize(fit).fillColor('black').text(item.label, margin.left, top + 2, { width: labelWidth - 6, align: 'right', lineBreak: false });
    doc.fontSize(9);
    const w = (item.value / max) * barSpace;
    if (w > 0) doc.save().rect(margin.left + labelWidth, top, w, barHeight).fill('#2f6f9f').restore();
    doc.fillColor('black').text(item.text, margin.left + labelWidth + w + 4, top + 2, { lineBreak: false });
    doc.x = margin.left;
    doc.y = top + barHeight + gap;
  }
  doc.moveDown(0.6).font('regular').fontSize(12);
}
