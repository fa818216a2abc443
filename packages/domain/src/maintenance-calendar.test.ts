import { describe, expect, it } from 'vitest';
import { campaignDates, defaultMaintenanceCalendar, maintenanceCalendarOf, maintenanceCalendarProblems } from './maintenance-calendar.js';

describe('the maintenance calendar', () => {
  it('labels every date the province has not set as a default', () => {
    expect(maintenanceCalendarOf(null)).toEqual({ calendar: defaultMaintenanceCalendar, defaults: ['opensOn', 'selfAssessmentDue', 'appraisalDue', 'reportDue'] });
    expect(maintenanceCalendarOf({ opensOn: '04-15', appraisalDue: '06-18' })).toEqual({
      calendar: { opensOn: '04-15', selfAssessmentDue: '06-05', appraisalDue: '06-18', reportDue: '06-25' },
      defaults: ['selfAssessmentDue', 'reportDue'],
    });
  });

  it('keeps seed 001 deadlines as defaults: departments before 20/6, the report before 25/6', () => {
    expect(defaultMaintenanceCalendar.appraisalDue).toBe('06-20');
    expect(defaultMaintenanceCalendar.reportDue).toBe('06-25');
  });

  it('gives a year its dates, 29 February falling back to 28 outside leap years', () => {
    expect(campaignDates(defaultMaintenanceCalendar, 2025)).toEqual({ opensOn: '2025-05-01', selfAssessmentDue: '2025-06-05', appraisalDue: '2025-06-20', reportDue: '2025-06-25' });
    expect(campaignDates({ ...defaultMaintenanceCalendar, opensOn: '02-29' }, 2025).opensOn).toBe('2025-02-28');
    expect(campaignDates({ ...defaultMaintenanceCalendar, opensOn: '02-29' }, 2024).opensOn).toBe('2024-02-29');
  });

  it('refuses dates that do not exist or come out of order', () => {
    expect(maintenanceCalendarProblems(defaultMaintenanceCalendar)).toEqual([]);
    expect(maintenanceCalendarProblems({ ...defaultMaintenanceCalendar, opensOn: '04-31' })).toMatchObject([{ field: 'opensOn' }]);
    expect(maintenanceCalendarProblems({ ...defaultMaintenanceCalendar, selfAssessmentDue: '04-30' })).toEqual([
      { field: 'selfAssessmentDue', message: 'hạn xã (thôn) tự rà soát, đánh giá lại (04-30) phải sau ngày mở đợt rà soát (05-01)' },
    ]);
    expect(maintenanceCalendarProblems({ ...defaultMaintenanceCalendar, reportDue: '06-20' })).toEqual([]);
  });
});
