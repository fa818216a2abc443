import { describe, expect, it } from 'vitest';
import { byMatchQuality, isUnsureMatch, looseName, matchUnitName } from './name-match.js';

describe('matching a unit name as documents spell it', () => {
  it('the official spelling is exact, whatever the case or Unicode form', () => {
    expect(matchUnitName('Xã Sơn Bình', 'Xã Sơn Bình')).toBe('exact');
    expect(matchUnitName('sơn bình', 'Xã Sơn Bình')).toBe('exact');
    expect(matchUnitName('Sơn Bình'.normalize('NFD'), 'Xã Sơn Bình')).toBe('exact');
  });

  it('the tone mark on another vowel (old and new style) is the same name', () => {
    expect(matchUnitName('Xã Pa Khóa', 'Xã Pa Khoá')).toBe('variant');
    expect(matchUnitName('Xuân Hoà', 'Xã Xuân Hòa')).toBe('variant');
    expect(matchUnitName('Thủy', 'Xã Thuỷ')).toBe('variant');
  });

  it('i for y and y for i is the same name', () => {
    expect(matchUnitName('Ma Li Pho', 'Xã Ma Ly Pho')).toBe('variant');
    expect(matchUnitName('Tả Củ Tỉ', 'Xã Tả Củ Tỷ')).toBe('variant');
  });

  it('a name typed without any diacritics is the same name', () => {
    expect(matchUnitName('son binh', 'Xã Sơn Bình')).toBe('variant');
    expect(matchUnitName('ta leng', 'Xã Tả Lèng')).toBe('variant');
  });

  it('one syllable with its tone mark dropped, added or changed is approximate, and unsure', () => {
    expect(matchUnitName('Mường Te', 'Xã Mường Tè')).toBe('approximate');
    expect(matchUnitName('Mường Tẻ', 'Xã Mường Tè')).toBe('approximate');
    expect(matchUnitName('Khoen Ón', 'Xã Khoen On')).toBe('approximate');
    expect(matchUnitName('Pá Mu', 'Xã Pha Mu')).toBeNull();
    expect(isUnsureMatch('approximate')).toBe(true);
    expect(isUnsureMatch('variant')).toBe(false);
  });

  it('two syllables off by their tone, another vowel, or other letters do not match', () => {
    expect(matchUnitName('Mương Tẻ', 'Xã Mường Tè')).toBeNull();
    expect(matchUnitName('Nậm Tâm', 'Xã Nậm Tăm')).toBeNull();
    expect(matchUnitName('Sơn La', 'Xã Sơn Bình')).toBeNull();
  });

  it('finds a name from its start while typing, words in order', () => {
    expect(matchUnitName('sơn bì', 'Xã Sơn Bình')).toBe('exact');
    expect(matchUnitName('son bi', 'Xã Sơn Bình')).toBe('variant');
    expect(matchUnitName('bình sơn', 'Xã Sơn Bình')).toBeNull();
  });

  it('folds every accepted spelling to one key, and orders qualities best first', () => {
    expect(looseName('Xã Ma Ly Pho')).toBe(looseName('xa ma li pho'));
    expect(looseName('Xã Pa Khóa')).toBe(looseName('Xa Pa Khoá'));
    expect(looseName('Đoàn Kết')).toBe('doan ket');
    expect(['approximate', 'exact', 'variant'].sort(byMatchQuality as (a: string, b: string) => number)).toEqual(['exact', 'variant', 'approximate']);
  });
});
