import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText, positionsInOrder } from '@ntm/documents/testing';
import { compareReports } from './compare.js';
import { computeReport } from './compute.js';
import { reportCsvChunks } from './csv.js';
import type { ComparedReport } from './model.js';
import { writeReportPdf } from './pdf.js';
import { formatChange, formatCount, formatDecimal, formatInteger } from './words.js';
import { indexed, results, sampleInput } from './test-input.js';
import { writeReportXlsx } from './xlsx.js';

function sampleReport(): ComparedReport {
  const input = sampleInput();
  input.results = [...input.results, ...results('C3', input.sets.commune, 5, '2024-09-30', 'appraisal')];
  const before = computeReport(indexed(input));
  const after = computeReport(indexed({ ...input, asOf: '2024-12-31' }));
  return { ...after, change: compareReports(after, before) };
}

/** Pixels of the charts' bar colour (#2f6f9f) on each page, rendered by poppler's pdftoppm at 30 dpi. */
function barPixelsByPage(pdf: Buffer): number[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())?.[1] ?? 0);
  return Array.from({ length: pages }, (_, i) => {
    const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', String(i + 1), '-l', String(i + 1), '-singlefile', '-'], { input: pdf });
    // pdftoppm writes the header as "P6\n<width> <height>\n255\n".
    let at = 0;
    for (let lines = 0; lines < 3; at++) if (ppm[at] === 0x0a) lines++;
    let count = 0;
    for (let p = at; p + 2 < ppm.length; p += 3) if (Math.abs((ppm[p] ?? 0) - 0x2f) < 12 && Math.abs((ppm[p + 1] ?? 0) - 0x6f) < 12 && Math.abs((ppm[p + 2] ?? 0) - 0x9f) < 12) count++;
    return count;
  });
}

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

describe('report exports', () => {
  it('writes numbers as Vietnamese documents do: decimal comma, thousands dot, small counts padded, changes in words', () => {
    expect([formatDecimal(14.444), formatDecimal(0.5), formatDecimal(1234.5), formatDecimal(40), formatDecimal(10200)]).toEqual(['14,44', '0,5', '1.234,5', '40', '10.200']);
    expect([formatCount(5), formatCount(40), formatCount(3000), formatInteger(7), formatInteger(3864)]).toEqual(['05', '40', '3.000', '7', '3.864']);
    expect([formatChange(2, 'xã', 0), formatChange(-0.4, 'tiêu chí'), formatChange(0, 'xã', 0)]).toEqual(['tăng 2 xã', 'giảm 0,4 tiêu chí', 'không thay đổi']);
  });

  it('XLSX: one sheet per table, Vietnamese headers, numbers as numbers', async () => {
    const xlsx = await collect((out) => writeReportXlsx(sampleReport(), out));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo huyện', 'Theo tiêu chí', 'Xã dự kiến đạt chuẩn', 'Chi tiết xã', 'Thay đổi']);
    const summary = book.getWorksheet('Tổng hợp');
    expect(summary?.getRow(2).values).toEqual([undefined, 'Chỉ tiêu', 'Đến ngày 31/12/2024', 'Thay đổi so với 30/06/2024']);
    expect(summary?.getRow(4).values).toEqual([undefined, 'Số xã đạt chuẩn nông thôn mới', 3, 1]);
    expect(summary?.getRow(8).getCell(2).value).toBe(3.2);
    const districts = book.getWorksheet('Theo huyện');
    expect(districts?.getRow(3).values).toEqual([undefined, 'D1', 'Huyện Một', 3, 3, 1, 100, 5, 3, 0]);
    expect(typeof districts?.getRow(4).getCell(7).value).toBe('number');
  });

  it('CSV: the same tables, figures as in the JSON', () => {
    const csv = [...reportCsvChunks(sampleReport())].join('');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Số xã đạt chuẩn nông thôn mới,3,1\r\n');
    expect(csv).toContain('Bình quân tiêu chí/xã,3.2,0.4\r\n');
    expect(csv).toContain('D2,Huyện Hai,2,0,0,0,0.5,0,2\r\n');
  });

  it('CSV: a long commune table streams in chunks of a few hundred rows', () => {
    const report = sampleReport();
    const commune = report.communes[0];
    if (!commune) throw new Error('no commune in the sample');
    const many = { ...report, communes: Array.from({ length: 1200 }, (_, i) => ({ ...commune, code: `X${String(i).padStart(4, '0')}` })) };
    const chunks = [...reportCsvChunks(many)];
    const withCommunes = chunks.filter((c) => /^X\d{4},/m.test(c));
    expect(withCommunes.length).toBe(3);
    expect(Math.max(...withCommunes.map((c) => c.split('\r\n').length - 1))).toBe(500);
    expect(chunks.join('').match(/\r\nX\d{4},/g)?.length).toBe(1200);
  });

  it('PDF: numbered sections with decimal commas, dd/mm/yyyy dates and the two charts', async () => {
    const pdf = await collect((out) => writeReportPdf(sampleReport(), out));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    const parts = [
      'BÁO CÁO',
      'TỈNH MẪU',
      'Số liệu đến ngày 31/12/2024, so sánh với ngày 30/06/2024',
      'a) Kết quả thực hiện bộ tiêu chí quốc gia',
      'Số xã đạt chuẩn nông thôn mới: 03/05 xã, chiếm 60% (trong đó 01 xã đã được công nhận',
      'Bình quân tiêu chí toàn tỉnh: 3,2 tiêu chí/xã',
      'Biểu đồ 1. Số xã theo số tiêu chí đạt',
      'b) Kết quả theo từng huyện',
      'c) Xã dự kiến đạt chuẩn nông thôn mới',
      '+ Xã Cường (Huyện Một): Đạt 5/5 tiêu chí.',
      'd) Thôn, bản nông thôn mới',
      'e) Số xã chưa đạt từng tiêu chí',
      'Biểu đồ 2. Số xã chưa đạt từng tiêu chí',
      'f) Thay đổi so với ngày 30/06/2024',
      'Số xã đạt chuẩn: tăng 1 xã; tỷ lệ đạt chuẩn: tăng 20 điểm phần trăm.',
      'Bình quân tiêu chí/xã: tăng 0,4 tiêu chí.',
      'Số xã có quyết định công nhận còn hiệu lực: không thay đổi.',
      'Số xã đạt dưới 5 tiêu chí: giảm 1 xã.',
      'Xã đạt chuẩn mới: Xã Cường',
    ];
    const positions = positionsInOrder(text, parts);
    expect(parts.filter((_, i) => (positions[i] ?? -1) < 0), text).toEqual([]);
    expect(text).toContain('Huyện Hai 2 0 0 0 0,5');
    // Extracted as poppler extracts it, and the charts drawn: bars on the pages of both captions.
    const popplerText = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
    expect(popplerText).toMatch(/Bình quân tiêu chí toàn tỉnh: 3,2 tiêu chí\/xã/);
    expect(popplerText).toMatch(/Tỷ lệ \(%\)/);
    const pages = popplerText.split('\f');
    const chartPages = ['Biểu đồ 1.', 'Biểu đồ 2.'].map((caption) => pages.findIndex((page) => page.includes(caption)));
    expect(chartPages.every((p) => p >= 0)).toBe(true);
    const bars = barPixelsByPage(pdf);
    for (const page of chartPages) expect(bars[page] ?? 0).toBeGreaterThan(100);
  });
});
