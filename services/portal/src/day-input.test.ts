import { describe, expect, it } from 'vitest';
import { formatDate, parseDay } from '../web/src/format.js';

describe('days typed in the portal as dd/mm/yyyy', () => {
  it('reads a day of the calendar as its ISO date, and formats it back the same', () => {
    expect(parseDay('20/07/2025')).toBe('2025-07-20');
    expect(parseDay(' 2/1/2024 ')).toBe('2024-01-02');
    expect(parseDay('29/02/2024')).toBe('2024-02-29');
    expect(formatDate(parseDay('20/07/2025'))).toBe('20/07/2025');
  });

  it('refuses what is no day: another order, a month or day out of range, 29 February of a common year', () => {
    for (const text of ['2025-07-20', '07/20/2025', '31/04/2025', '29/02/2025', '29/02/1900', '00/01/2025', '', '1/1/25']) expect(parseDay(text), text).toBeNull();
  });
});
