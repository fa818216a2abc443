import { describe, expect, it } from 'vitest';
import { toSearchName } from './search-name.js';

describe('toSearchName', () => {
  it.each([
    ['Sơn Bình', 'son binh'],
    ['Xã Tả Lèng', 'xa ta leng'],
    ['Đồng bằng sông Hồng', 'dong bang song hong'],
    ['  Mường   Hoa ', 'muong hoa'],
    ['Nà Tăm', 'na tam'],
  ])('folds %s to %s', (input, expected) => {
    expect(toSearchName(input)).toBe(expected);
  });

  it('gives the same key to precomposed and decomposed input', () => {
    expect(toSearchName('Sơn Bình'.normalize('NFC'))).toBe(toSearchName('Sơn Bình'.normalize('NFD')));
  });
});
