import { describe, expect, it } from 'vitest';
import { maxFileNameLength, recordedFileName } from './file-name.js';

describe('recordedFileName', () => {
  it('keeps an ordinary Vietnamese name, composed (NFC) and trimmed', () => {
    expect(recordedFileName(' Bie\u0302n ba\u0309n.pdf ')).toEqual({ ok: true, name: 'Biên bản.pdf' });
  });

  it('refuses control characters, naming the one found', () => {
    expect(recordedFileName('bien\u0000ban.pdf')).toEqual({ ok: false, reason: expect.stringContaining('0x00') as string });
    expect(recordedFileName('a\tb.pdf').ok).toBe(false);
    expect(recordedFileName('a\u0085b.pdf').ok).toBe(false);
    expect(recordedFileName('   ').ok).toBe(false);
  });

  it('shortens a long name to 255 characters keeping its extension', () => {
    const result = recordedFileName(`${'Tờ trình '.repeat(50)}.docx`);
    if (!result.ok) throw new Error(result.reason);
    expect(Array.from(result.name)).toHaveLength(maxFileNameLength);
    expect(result.name.endsWith('.docx')).toBe(true);
    expect(result.name.startsWith('Tờ trình Tờ trình')).toBe(true);
  });

  it('never splits a character outside the Basic Multilingual Plane, and cuts a name without extension plainly', () => {
    const result = recordedFileName('😀'.repeat(300));
    if (!result.ok) throw new Error(result.reason);
    expect(Array.from(result.name)).toEqual(Array.from('😀'.repeat(255)));
    const dotted = recordedFileName(`a.${'b'.repeat(300)}`);
    expect(dotted.ok && Array.from(dotted.name).length).toBe(maxFileNameLength);
  });
});
