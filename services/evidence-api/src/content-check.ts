import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';

/** Bytes read before anything is stored: enough for file-type and for an image's size header. */
export const headBytes = 512 * 1024;
/** Bytes kept from the end of a file, where PDFs and ZIP-based documents end with a trailer. */
export const tailBytes = 1024;

interface ContentRule {
  /** What the rule asks of the content, in Vietnamese: shown in the OpenAPI document and refusals. */
  rule: string;
  /** Checked on the first bytes, before anything is stored; answers what is wrong, or null. */
  head?: (head: Buffer) => string | null;
  /** Checked on the last bytes once the whole file has been read; answers what is wrong, or null. */
  tail?: (tail: Buffer) => string | null;
}

const includes = (bytes: Buffer, marker: string) => bytes.includes(Buffer.from(marker, 'latin1'));

function imageWithSize(head: Buffer): string | null {
  try {
    const { width, height } = imageSize(head);
    return width > 0 && height > 0 ? null : 'ảnh không có kích thước';
  } catch {
    return 'không đọc được phần đầu của ảnh (kích thước)';
  }
}

const zipTrailer = (tail: Buffer) => (includes(tail, 'PK\u0005\u0006') ? null : 'thiếu phần kết thúc của tệp nén (tệp bị cắt cụt)');

/** The content rules per media type, beyond the type file-type detects from the first bytes. */
const rules: Record<string, ContentRule> = {
  'application/pdf': {
    rule: 'bắt đầu bằng "%PDF-" và có "%%EOF" trong 1024 byte cuối',
    tail: (tail) => (includes(tail, '%%EOF') ? null : 'thiếu "%%EOF" ở cuối tệp PDF (tệp bị cắt cụt hoặc không phải PDF)'),
  },
  'image/png': {
    rule: 'phần đầu ảnh đọc được kích thước, kết thúc bằng khối IEND',
    // The signature and the whole IHDR chunk (33 bytes) come before anything else.
    head: (head) => (head.length < 33 ? 'thiếu khối IHDR (kích thước ảnh)' : imageWithSize(head)),
    tail: (tail) => (includes(tail, 'IEND') ? null : 'thiếu khối IEND ở cuối ảnh PNG (tệp bị cắt cụt)'),
  },
  'image/jpeg': { rule: 'phần đầu ảnh đọc được kích thước', head: imageWithSize },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { rule: 'tệp Word (.docx) có phần kết thúc của tệp nén', tail: zipTrailer },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { rule: 'tệp Excel (.xlsx) có phần kết thúc của tệp nén', tail: zipTrailer },
};

const fallbackRule = (mediaType: string): ContentRule => (mediaType.startsWith('image/') ? { rule: 'phần đầu ảnh đọc được kích thước', head: imageWithSize } : { rule: 'nhận dạng được từ nội dung' });
const ruleOf = (mediaType: string) => rules[mediaType] ?? fallbackRule(mediaType);

/** One line per accepted type: the type and what its content must show. For the OpenAPI description. */
export function describeContentRules(mediaTypes: readonly string[]): string[] {
  return mediaTypes.map((t) => `${t}: ${ruleOf(t).rule}`);
}

export type HeadVerdict = { ok: true; mediaType: string; checkTail: (tail: Buffer) => string | null } | { ok: false; reason: string };

/** The type of a file told by its first bytes, and whether that type is accepted and its header sound. */
export async function checkHead(head: Buffer, accepted: readonly string[]): Promise<HeadVerdict> {
  const mediaType = (await fileTypeFromBuffer(head))?.mime;
  if (!mediaType) return { ok: false, reason: `Nội dung tệp không nhận dạng được, không thuộc các loại được nhận: ${accepted.join(', ')}.` };
  if (!accepted.includes(mediaType)) return { ok: false, reason: `Nội dung tệp là ${mediaType}, không thuộc các loại được nhận: ${accepted.join(', ')}.` };
  const rule = ruleOf(mediaType);
  const wrong = rule.head?.(head);
  if (wrong) return { ok: false, reason: `Tệp ${mediaType} không hợp lệ: ${wrong}.` };
  return {
    ok: true,
    mediaType,
    checkTail: (tail) => {
      const wrongEnd = rule.tail?.(tail);
      return wrongEnd ? `Tệp ${mediaType} không hợp lệ: ${wrongEnd}.` : null;
    },
  };
}
