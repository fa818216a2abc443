import { createRequire } from 'node:module';
import { formatDocumentDate, toStoredDate } from '@ntm/domain';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * The parts of a decision (quyết định) that differ from one decision to another. The layout around
 * them follows the form of administrative documents in Nghị định 30/2020/NĐ-CP; every decision the
 * system issues (recognition, revocation) is rendered by `renderDecisionLayout`.
 */
export interface DecisionParts {
  /** The issuing body's name, as the header prints it in two lines: ["Ủy ban nhân dân", "Tỉnh Lai Châu"]. */
  issuer: [string, string];
  /** "1234/QĐ-UBND". */
  number: string;
  /** The place name of the date line ("Lai Châu") and the ISO date of signing. */
  place: string;
  date: string;
  /** "Về việc công nhận …". */
  subject: string;
  /** Who decides: "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu". */
  authority: string;
  /** The bases, each a whole paragraph ("Căn cứ …;", "Xét đề nghị …."). */
  bases: string[];
  /** The articles' texts, numbered in order. */
  articles: string[];
  /** The lines above the signature ("TM. Ủy ban nhân dân", "Chủ tịch") and the signer's name. */
  signing: string[];
  signer: string;
  /** "Nơi nhận", one recipient a line. */
  recipients: string[];
  /** The public page that verifies the decision, printed as a QR code. */
  verifyUrl: string;
}

const require = createRequire(import.meta.url);
// DejaVu Serif Condensed covers every Vietnamese letter and is about as wide as the Times New Roman
// the decree asks for (the regular DejaVu Serif pushed the signature of a one-page decision to a second page).
const font = (style: string) => require.resolve(`dejavu-fonts-ttf/ttf/DejaVuSerifCondensed${style}.ttf`);
const fonts = { regular: font(''), bold: font('-Bold'), italic: font('-Italic'), boldItalic: font('-BoldItalic') };

// A4 with the decree's margins: 30 mm left, 20 mm top and right, 25 mm bottom (the QR code stands in it).
const mm = 72 / 25.4;
const margin = { top: 20 * mm, bottom: 25 * mm, left: 30 * mm, right: 20 * mm };
const body = 13;
const indent = 10 * mm;
const upper = (s: string) => s.toLocaleUpperCase('vi');

/**
 * Renders a decision as a PDF. The same parts always render to the same bytes (the PDF's dates and
 * id derive from them), so a stored decision's SHA-256 can be checked by rendering it again.
 */
export async function renderDecisionLayout(p: DecisionParts): Promise<Buffer> {
  const qr = await QRCode.toBuffer(p.verifyUrl, { type: 'png', margin: 1, width: 160, errorCorrectionLevel: 'M' });
  const signed = toStoredDate(p.date);
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    info: { Title: `Quyết định ${p.number}`, Author: p.issuer.join(' '), CreationDate: signed, ModDate: signed },
    pdfVersion: '1.7',
  });
  // A fixed document id keeps the output identical for the same decision.
  (doc as unknown as { _id: Buffer })._id = Buffer.from(p.number.padEnd(16, '0').slice(0, 16));
  for (const [name, file] of Object.entries(fonts)) doc.registerFont(name, file);
  // Word joiners (see `unbroken`) only steer line breaking: drop them before the text is drawn, so
  // copied text has none (PDF.js reads a drawn one as a space: "18/ 2022").
  const internals = doc as unknown as { _fragment: (text: string, ...rest: unknown[]) => unknown };
  const fragment = internals._fragment.bind(doc);
  internals._fragment = (text, ...rest) => fragment(text.replaceAll('\u2060', ''), ...rest);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  // From the second page on, the page number stands centred at the top.
  let page = 1;
  doc.on('pageAdded', () => {
    page += 1;
    doc.font('regular').fontSize(13).text(String(page), margin.left, margin.top / 2, { width: width(doc), align: 'center' });
    doc.y = margin.top;
  });
  header(doc, p);
  title(doc, p);
  content(doc, p, signatureHeight(doc, p));
  signature(doc, p, qr);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;
const width = (doc: Doc) => doc.page.width - margin.left - margin.right;
const bottom = (doc: Doc) => doc.page.height - margin.bottom;
/** Keeps numbers such as "45/TTr-UBND" on one line: a word joiner after a slash or dash inside a word forbids the break there. */
const unbroken = (text: string) => text.replace(/(?<=\S)([/\-–])(?=\S)/gu, '$1\u2060');

/** The narrowest width, up to `max`, that sets `text` in as few lines as `max` does: wrapped lines of even length. */
function balancedWidth(doc: Doc, text: string, max: number): number {
  const height = doc.heightOfString(text, { width: max });
  let [lo, hi] = [max / 2, max];
  while (hi - lo > 2) {
    const mid = (lo + hi) / 2;
    if (doc.heightOfString(text, { width: mid }) > height) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** A centred rule under the text just written, `length` points long. */
function rule(doc: Doc, centre: number, length: number, gap = 2) {
  const y = doc.y + gap;
  doc.moveTo(centre - length / 2, y).lineTo(centre + length / 2, y).lineWidth(0.6).stroke();
  doc.y = y + 4;
}

/** The issuing body and number (left), the national motto and the place and date (right). */
function header(doc: Doc, p: DecisionParts) {
  const w = width(doc);
  const left = { x: margin.left - 8 * mm, width: w * 0.42 + 8 * mm };
  const right = { x: margin.left + w * 0.4, width: w * 0.6 + 6 * mm };
  const centreOf = (c: { x: number; width: number }) => c.x + c.width / 2;
  const top = margin.top;

  doc.font('bold').fontSize(12.5).text(upper(p.issuer[0]), left.x, top, { width: left.width, align: 'center' });
  doc.text(upper(p.issuer[1]), { width: left.width, align: 'center' });
  rule(doc, centreOf(left), doc.widthOfString(upper(p.issuer[1])) / 3);
  const leftBottom = doc.y;

  // The motto's first line stays on one line: its size shrinks (from 12.5) until it fits.
  const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  doc.font('bold').fontSize(12.5);
  doc.fontSize(Math.min(12.5, (12.5 * (right.width - 2)) / doc.widthOfString(motto))).text(motto, right.x, top, { width: right.width, align: 'center' });
  doc.fontSize(13).text('Độc lập - Tự do - Hạnh phúc', { width: right.width, align: 'center' });
  rule(doc, centreOf(right), doc.widthOfString('Độc lập - Tự do - Hạnh phúc'));

  const row = Math.max(leftBottom, doc.y) + 6;
  doc.font('regular').fontSize(13).text(`Số: ${p.number}`, left.x, row, { width: left.width, align: 'center' });
  doc.font('italic').text(`${p.place}, ${formatDocumentDate(p.date)}`, right.x, row, { width: right.width, align: 'center' });
}

/** "QUYẾT ĐỊNH", its subject with a rule under it, and who decides. */
function title(doc: Doc, p: DecisionParts) {
  const w = width(doc);
  const box = { width: w, align: 'center' as const };
  doc.x = margin.left;
  doc.moveDown(1.5).font('bold').fontSize(14).text('QUYẾT ĐỊNH', margin.left, doc.y, box);
  const subject = unbroken(p.subject);
  const subjectWidth = balancedWidth(doc, subject, w);
  doc.text(subject, margin.left + (w - subjectWidth) / 2, doc.y, { width: subjectWidth, align: 'center' });
  rule(doc, margin.left + w / 2, w / 4, 5);
  doc.moveDown(0.8).text(upper(p.authority), margin.left, doc.y, box);
  doc.moveDown(0.8);
}

/** The bases in italics, "QUYẾT ĐỊNH:", and the numbered articles; the last goes over with the signature when both do not fit. */
function content(doc: Doc, p: DecisionParts, signatureHeight: number) {
  const w = width(doc);
  const para = { width: w, align: 'justify' as const, indent, lineGap: 2, paragraphGap: 4 };
  doc.fontSize(body);
  for (const basis of p.bases) doc.font('italic').text(unbroken(basis), margin.left, doc.y, para);
  doc.moveDown(0.6).font('bold').text('QUYẾT ĐỊNH:', margin.left, doc.y, { width: w, align: 'center' }).moveDown(0.6);
  p.articles.forEach((text, i) => {
    const label = `Điều ${i + 1}. `;
    if (i === p.articles.length - 1 && doc.y + doc.font('regular').heightOfString(label + text, para) + signatureHeight > bottom(doc)) doc.addPage();
    doc.font('bold').text(label, margin.left, doc.y, { ...para, continued: true }).font('regular').text(unbroken(text), para);
  });
}

const recipientsBox = (doc: Doc) => ({ width: width(doc) * 0.45 });
const signBox = (doc: Doc) => ({ x: margin.left + width(doc) * 0.45, width: width(doc) * 0.55 });
const qrSize = 48;
const recipientLines = (p: DecisionParts) => p.recipients.map((r, i) => `- ${r}${i === p.recipients.length - 1 ? '.' : ';'}`);

/** How tall "Nơi nhận", the QR code and the signing block stand together. */
function signatureHeight(doc: Doc, p: DecisionParts): number {
  doc.font('regular').fontSize(11);
  const recipients = 16 + recipientLines(p).reduce((h, line) => h + doc.heightOfString(line.slice(2), { width: recipientsBox(doc).width - doc.widthOfString('- ') }), 0);
  doc.font('bold').fontSize(13);
  const signing = doc.currentLineHeight(true) * (p.signing.length + 5);
  return 14 + Math.max(recipients, signing);
}

/** "Nơi nhận" (left) beside the signing block (right); the QR code that verifies the decision in the bottom margin. */
function signature(doc: Doc, p: DecisionParts, qr: Buffer) {
  const height = signatureHeight(doc, p);
  if (doc.y + height > bottom(doc)) doc.addPage();
  const top = doc.y + 14;

  doc.font('boldItalic').fontSize(12).text('Nơi nhận:', margin.left, top, recipientsBox(doc));
  doc.font('regular').fontSize(11);
  // Each recipient hangs from its dash: a wrapped line starts under the text, not under the dash.
  const dash = doc.widthOfString('- ');
  for (const line of recipientLines(p)) {
    const y = doc.y;
    doc.text('-', margin.left, y).text(line.slice(2), margin.left + dash, y, { width: recipientsBox(doc).width - dash });
  }
  const qrTop = bottom(doc) + 2 * mm;
  doc.image(qr, margin.left, qrTop, { width: qrSize });
  // Text below the bottom margin would start a new page: lift the margin while the caption is written.
  doc.page.margins.bottom = 0;
  doc.font('italic').fontSize(9).text('Quét mã để xác thực quyết định', margin.left + qrSize + 6, qrTop + qrSize / 2 - 6, { width: width(doc) * 0.4 });
  doc.page.margins.bottom = margin.bottom;

  const box = signBox(doc);
  doc.font('bold').fontSize(13);
  p.signing.forEach((line, i) => doc.text(upper(line), box.x, i === 0 ? top : doc.y, { width: box.width, align: 'center' }));
  doc.moveDown(4).text(p.signer, { width: box.width, align: 'center' });
}
