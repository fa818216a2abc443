import { describe, expect, it } from 'vitest';
import { objectKeys } from './keys.js';

describe('objectKeys', () => {
  it('builds keys from ids only', () => {
    expect(objectKeys.evidence('d1', 'e_2')).toBe('dossiers/d1/evidence/e_2');
    expect(objectKeys.decision('d1', 'q-9')).toBe('dossiers/d1/decisions/q-9.pdf');
  });

  it('refuses anything that could escape its folder', () => {
    expect(() => objectKeys.evidence('../other', 'e1')).toThrow(/invalid dossier id/);
    expect(() => objectKeys.evidence('d1', 'báo cáo.pdf')).toThrow(/invalid evidence id/);
    expect(() => objectKeys.evidence('d1', '')).toThrow(/invalid evidence id/);
  });
});
