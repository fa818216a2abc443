import { describe, expect, it } from 'vitest';
import { fillUnitNames, inSentence, signingLines, unknownPlaceholders } from './decision-form.js';

const form = { issuingBody: 'Ủy ban nhân dân', headTitle: 'Chủ tịch', deputyTitle: 'Phó Chủ tịch' };

describe('signingLines', () => {
  it('has the head sign on behalf of the body', () => {
    expect(signingLines(form, 'Chủ tịch')).toEqual(['TM. Ủy ban nhân dân', 'Chủ tịch']);
  });

  it('has a deputy sign for the head, whatever the case of the title given', () => {
    expect(signingLines(form, 'PHÓ CHỦ TỊCH ')).toEqual(['KT. Chủ tịch', 'Phó Chủ tịch']);
  });

  it('gives no block for a title the form does not let sign', () => {
    expect(signingLines(form, 'Chánh Văn phòng')).toBeUndefined();
  });
});

describe('fillUnitNames', () => {
  it('names the units by level as they read in a sentence', () => {
    expect(fillUnitNames('Chủ tịch Ủy ban nhân dân {district}, Chủ tịch Ủy ban nhân dân {commune}', { district: 'Huyện Than Uyên', commune: 'Xã Pha Mu' })).toEqual({
      text: 'Chủ tịch Ủy ban nhân dân huyện Than Uyên, Chủ tịch Ủy ban nhân dân xã Pha Mu',
      missing: [],
    });
  });

  it('reports a level the unit has no unit at (a commune of the two-tier chain has no district)', () => {
    expect(fillUnitNames('Ủy ban nhân dân {district}', { commune: 'Xã Tả Van' }).missing).toEqual(['district']);
  });

  it('takes the first level the unit has among alternatives', () => {
    expect(fillUnitNames('Ủy ban nhân dân {district|commune}', { district: 'Huyện Than Uyên', commune: 'Xã Pha Mu' }).text).toBe('Ủy ban nhân dân huyện Than Uyên');
    expect(fillUnitNames('Ủy ban nhân dân {district|commune}', { commune: 'Xã Mường Kim' }).text).toBe('Ủy ban nhân dân xã Mường Kim');
    expect(fillUnitNames('{district|village}', { commune: 'Xã Mường Kim' }).missing).toEqual(['district|village']);
  });
});

describe('unknownPlaceholders', () => {
  it('lists placeholders that name no unit level', () => {
    expect(unknownPlaceholders('Ủy ban nhân dân {huyen} và {commune}')).toEqual(['huyen']);
    expect(unknownPlaceholders('{district|xa}')).toEqual(['xa']);
  });
});

describe('inSentence', () => {
  it('lowers only the unit-type word of a catalog name', () => {
    expect(inSentence('Thành phố Lai Châu')).toBe('thành phố Lai Châu');
  });
});
