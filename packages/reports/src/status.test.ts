import { describe, expect, it } from 'vitest';
import { dayNumber, ReportResults } from './status.js';
import { criteriaSet } from './test-input.js';

const set = criteriaSet('XA', 3);
const on = (iso: string) => dayNumber(iso);

describe('SetResults', () => {
  it('keeps the latest result whatever the order results arrive in; a tie keeps the first', () => {
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
    ]) {
      const results = new ReportResults('2024-12-31', [set]);
      const recorded: Array<[string, boolean, boolean]> = [
        ['2024-03-31', true, true],
        ['2024-06-30', false, false],
        ['2024-06-30', true, true],
      ];
      for (const i of order) {
        const [date, met, appraisal] = recorded[i] ?? ['', false, false];
        results.add('C1', 'XA', 'TC01', null, on(date), met, appraisal);
      }
      expect(results.of(set).statuses('C1')[0]).toEqual({ code: 'TC01', met: true, source: 'appraisal', on: '2024-06-30' });
    }
    const tie = new ReportResults('2024-12-31', [set]);
    tie.add('C1', 'XA', 'TC01', null, on('2024-06-30'), false, false);
    tie.add('C1', 'XA', 'TC01', null, on('2024-06-30'), true, false);
    expect(tie.of(set).metCount('C1')).toBe(0);
  });

  it('leaves out results after the date, of another set or of a criterion the set does not have', () => {
    const results = new ReportResults('2024-06-30', [set]);
    results.add('C1', 'XA', 'TC01', null, on('2024-07-01'), true, true);
    results.add('C1', 'OTHER', 'TC02', null, on('2024-01-01'), true, true);
    results.add('C1', 'XA', 'TC99', null, on('2024-01-01'), true, true);
    expect(results.of(set).has('C1')).toBe(false);
    expect(results.of(set).metCount('C1')).toBe(0);
  });

  it('says a unit is complete once every criterion has a result, whole or of an indicator', () => {
    const results = new ReportResults('2024-06-30', [set]).of(set);
    results.add('C1', 'TC01', null, on('2024-01-01'), false, false);
    results.add('C1', 'TC03', null, on('2024-01-01'), true, false);
    expect(results.complete('C1')).toBe(false);
    results.add('C1', 'TC02', '2.1', on('2024-01-01'), true, false);
    expect(results.complete('C1')).toBe(true);
    expect(results.complete('C2')).toBe(false);
    // TC02 has two indicators: one met is not the criterion met.
    expect(results.metCount('C1')).toBe(1);
    expect(results.indicatorMet('C1', 'TC02', '2.1')).toBe(true);
    expect(results.indicatorMet('C1', 'TC02', '2.2')).toBe(false);
  });

  it('grows past its first rows without losing any', () => {
    const results = new ReportResults('2024-06-30', [set]).of(set);
    for (let i = 0; i < 1000; i++) results.add(`C${i}`, 'TC01', null, on('2024-01-01'), i % 2 === 0, false);
    expect(Array.from({ length: 1000 }, (_, i) => results.metCount(`C${i}`)).filter((n) => n === 1)).toHaveLength(500);
  });
});
