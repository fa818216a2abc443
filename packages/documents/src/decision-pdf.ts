import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** What a recognition decision says; every name comes from the catalog. */
export interface DecisionDocument {
  number: string;
  /** ISO date the decision was signed. */
  date: string;
  effectiveDate: string;
  signer: string;
  signerTitle: string;
  /** The unit whose People's Committee decides: the province, or the district for a village track. */
  issuerName: string;
  unitName: string;
  /** The unit's parents below the province, nearest first (e.g. its district). */
  unitParents: string[];
  trackName: string;
  year: number;
  legalBasis: string[];
  verifyUrl: string;
}

const require = createRequire(import.meta.url);
// DejaVu Sans covers every Vietnamese letter; the PDF's built-in fonts do not.
const regularFont = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const boldFont = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const vnDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
};

/**
 * Renders the decision as a PDF. The same decision always renders to the same bytes (the PDF's
 * dates and id derive from the decision), so its SHA-256 can be checked by rendering again.
 */
export async function renderDecisionPdf(d: DecisionDocument): Promise<Buffer> {
  const qr = await QRCode.toBuffer(d.verifyUrl, { type: 'png', margin: 1, width: 160, errorCorrectionLevel: 'M' });
  const signed = new Date(`${d.date}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 70, right: 56 },
    info: { Title: `Quyết định ${d.number}`, Author: `Ủy ban nhân dân ${d.issuerName}`, CreationDate: signed, ModDate: signed },
    // A fixed document id keeps the output identical for the same decision.
    pdfVersion: '1.7',
  });
  (doc as unknown as { _id: Buffer })._id = Buffer.from(d.number.padEnd(16, '0').slice(0, 16));
  doc.registerFont('regular', regularFont).registerFont('bold', boldFont);

  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 126;
  const place = [d.unitName, ...d.unitParents].map(lowerFirst).join(', ');
  const left = { width: width * 0.42, align: 'center' as const };
  const right = { width: width * 0.56, align: 'center' as const };
  const rightX = 70 + width * 0.44;
  doc.font('bold').fontSize(10).text(`ỦY BAN NHÂN DÂN ${d.issuerName.toLocaleUpperCase('vi')}`, 70, 56, left);
  doc.font('regular').text(`Số: ${d.number}`, left);
  doc.font('bold').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, 56, right);
  doc.text('Độc lập - Tự do - Hạnh phúc', right);
  // Dates are written with the place name alone: "Lai Châu, ngày …".
  const placeName = d.issuerName.replace(/^(tỉnh|thành phố|huyện|thị xã|quận)\s+/iu, '');
  doc.font('regular').moveDown(0.5).text(`${placeName}, ${vnDate(d.date)}`, right);

  doc.x = 70;
  doc.moveDown(2).font('bold').fontSize(14).text('QUYẾT ĐỊNH', { width, align: 'center' });
  doc.fontSize(12).text(`Về việc công nhận ${place} ${lowerFirst(d.trackName)} năm ${d.year}`, { width, align: 'center' });
  doc.moveDown().text(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${d.issuerName.toLocaleUpperCase('vi')}`, { width, align: 'center' });
  doc.moveDown().font('regular').fontSize(12);
  for (const basis of d.legalBasis) doc.text(`Căn cứ ${basis};`, { width, align: 'justify' });
  doc.text('Xét hồ sơ đề nghị và kết quả thẩm định của các sở, ngành theo tiêu chí được phân công,', { width, align: 'justify' });
  doc.moveDown().font('bold').text('QUYẾT ĐỊNH:', { width, align: 'center' }).moveDown(0.5);
  const article = (n: number, body: string) => {
    doc.font('bold').text(`Điều ${n}. `, { continued: true, width, align: 'justify' }).font('regular').text(body, { width, align: 'justify' });
  };
  article(1, `Công nhận ${place} ${lowerFirst(d.trackName)} năm ${d.year}.`);
  article(2, `Quyết định này có hiệu lực kể từ ${vnDate(d.effectiveDate)}.`);
  article(3, `Chánh Văn phòng Ủy ban nhân dân ${lowerFirst(d.issuerName)}, Thủ trưởng các cơ quan, đơn vị và Chủ tịch Ủy ban nhân dân ${place} chịu trách nhiệm thi hành Quyết định này.`);

  const signTop = doc.y + 24;
  doc.image(qr, 70, signTop, { width: 96 });
  doc.fontSize(8).text('Quét mã để xác thực quyết định', 70, signTop + 100, { width: 120 });
  doc.fontSize(12).font('bold').text(d.signerTitle.toLocaleUpperCase('vi'), 70 + width / 2, signTop, { width: width / 2, align: 'center' });
  doc.moveDown(3).text(d.signer, { width: width / 2, align: 'center' });
  doc.end();
  return done;
}
