import { round2 } from './compute.js';
import type { ProgressReport, ReportChange } from './model.js';

/** What changed between an earlier report (`before`) and a later one (`after`) of the same scope. */
export function compareReports(after: ProgressReport, before: ProgressReport): ReportChange {
  const earlierGroups = new Map(before.groups.map((g) => [g.code, g.figures]));
  const wasAtStandard = new Set(before.communes.filter((c) => c.atStandard).map((c) => c.code));
  const isAtStandard = new Set(after.communes.filter((c) => c.atStandard).map((c) => c.code));
  const pick = ({ code, name }: { code: string; name: string }) => ({ code, name });
  return {
    since: before.asOf,
    atStandard: after.summary.atStandard - before.summary.atStandard,
    recognised: after.summary.recognised - before.summary.recognised,
    averageMet: round2(after.summary.averageMet - before.summary.averageMet),
    sharePercent: round2(after.summary.sharePercent - before.summary.sharePercent),
    bands: after.summary.bands.map((b) => {
      const earlier = before.summary.bands.find((e) => e.min === b.min && e.max === b.max)?.count ?? 0;
      return { min: b.min, max: b.max, change: b.count - earlier };
    }),
    groups: after.groups.map((g) => {
      const earlier = earlierGroups.get(g.code);
      return {
        code: g.code,
        name: g.name,
        atStandard: g.figures.atStandard - (earlier?.atStandard ?? 0),
        averageMet: round2(g.figures.averageMet - (earlier?.averageMet ?? 0)),
      };
    }),
    reachedStandard: after.communes.filter((c) => c.atStandard && !wasAtStandard.has(c.code)).map(pick),
    lostStandard: before.communes.filter((c) => c.atStandard && !isAtStandard.has(c.code)).map(pick),
  };
}
