import { describe, expect, it } from 'vitest';
import { crc32Checksum } from './part-upload.js';

describe('the CRC-32 a request carries for the store to check', () => {
  it('is the standard CRC-32 (check value of "123456789"), base64 of its four bytes big-endian', () => {
    expect(Buffer.from(crc32Checksum([Buffer.from('123456789')]), 'base64').toString('hex')).toBe('cbf43926');
  });

  it('is the same over chunks as over their bytes joined, and zero for nothing', () => {
    expect(crc32Checksum([Buffer.from('1234'), Buffer.from(''), Buffer.from('56789')])).toBe(crc32Checksum([Buffer.from('123456789')]));
    expect(crc32Checksum([])).toBe('AAAAAA==');
  });
});
