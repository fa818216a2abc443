import { describe, expect, it } from 'vitest';
import { codeRenamer } from './code-renames.js';

const rename = codeRenamer({
  renames: { LCH: '12', 'LCH-THU': '110', 'LCH-THU-PMU': '110-03628', LCI: '10' },
  keep: ['LCH-THON-2021-2025'],
});

describe('renaming unit codes in text', () => {
  it('renames whole codes by the longest code the mapping names', () => {
    expect(rename(`{ unitCode: 'LCH-THU-PMU', parentCode: "LCH-THU", province: 'LCH' }`)).toBe(`{ unitCode: '110-03628', parentCode: "110", province: '12' }`);
  });

  it('renames codes built on a mapped code (villages, district offices, tracking codes) by their prefix', () => {
    expect(rename('LCH-THU-PMU-B01 LCH-THU-PNNPTNT LCH-2026-7KQ3M9XA')).toBe('110-03628-B01 110-PNNPTNT 12-2026-7KQ3M9XA');
  });

  it('leaves codes that only look alike: other words, kept codes, codes inside longer tokens', () => {
    const text = 'LCHX XLCH LCH-THON-2021-2025 lch LCIX';
    expect(rename(text)).toBe(text);
  });

  it('renames at sentence and template ends', () => {
    expect(rename('tỉnh LCH. `LCH-THU-${x}` (LCI)')).toBe('tỉnh 12. `110-${x}` (10)');
  });

  it('renames after a string escape and in dotted paths', () => {
    expect(rename('`code\\nLCH-THU-PMU,x` formerUnits.LCH-THU')).toBe('`code\\n110-03628,x` formerUnits.110');
  });

  it('changes nothing the second time', () => {
    const once = rename('LCH LCH-THU LCH-THU-PMU LCH-THU-PMU-B02');
    expect(rename(once)).toBe(once);
  });
});
