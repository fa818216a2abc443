import { describe, expect, it } from 'vitest';
import { checkHead, describeContentRules } from './content-check.js';
import { pdf, png } from './test-files.js';

const accepted = ['application/pdf', 'image/png', 'image/jpeg'];
const endOf = (b: Buffer) => b.subarray(Math.max(0, b.length - 1024));

async function verdict(bytes: Buffer) {
  const head = await checkHead(bytes, accepted);
  return head.ok ? (head.checkTail(endOf(bytes)) ?? head.mediaType) : head.reason;
}

describe('content rules', () => {
  it('accepts a PDF with its header and %%EOF trailer, and a PNG with its size and IEND', async () => {
    expect(await verdict(pdf('x'))).toBe('application/pdf');
    expect(await verdict(png())).toBe('image/png');
  });

  it('refuses a PDF header alone, a PDF cut before %%EOF, and a PNG without its size header or its end', async () => {
    expect(await verdict(Buffer.from('%PDF-1.4\n'))).toMatch(/%%EOF/);
    expect(await verdict(pdf('x').subarray(0, 60))).toMatch(/%%EOF/);
    expect(await verdict(png().subarray(0, 20))).toMatch(/IHDR/);
    expect(await verdict(png().subarray(0, 40))).toMatch(/IEND/);
    expect(await verdict(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toMatch(/image\/jpeg.*kích thước/);
  });

  it('refuses what it cannot recognise, and types it does not accept, naming the accepted ones', async () => {
    expect(await verdict(Buffer.from('văn bản thường'))).toMatch(/không nhận dạng được.*application\/pdf, image\/png, image\/jpeg/);
    expect(await verdict(Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;'))).toMatch(/là image\/gif/);
  });

  it('describes each accepted type’s rule for the API documentation', () => {
    expect(describeContentRules(['application/pdf', 'image/webp', 'application/zip'])).toEqual([
      'application/pdf: bắt đầu bằng "%PDF-" và có "%%EOF" trong 1024 byte cuối',
      'image/webp: phần đầu ảnh đọc được kích thước',
      'application/zip: nhận dạng được từ nội dung',
    ]);
  });
});
