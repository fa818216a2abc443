import { describe, expect, it } from 'vitest';
import { matchName } from './status-validation.js';

describe("a spreadsheet's unit name folded for matching", () => {
  it('matches the official name whatever the tone placement, i or y, diacritics and the kind written before it', () => {
    expect(matchName('Xã Mĩ Hoà')).toBe(matchName('Mỹ Hòa'));
    expect(matchName('xa son binh')).toBe(matchName('Sơn Bình'));
    expect(matchName('Huyện Than Uyên')).toBe(matchName('Than Uyên'));
    expect(matchName('Bản Nà Ly')).toBe(matchName('Nà Li'));
  });

  it('keeps different names apart', () => {
    expect(matchName('Sơn Bình')).not.toBe(matchName('Sơn Bính Mới'));
    expect(matchName('Xã Pha Mu')).not.toBe(matchName('Xã Mường Kim'));
  });
});
