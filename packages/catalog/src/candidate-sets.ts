import type { CatalogFile } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { readCriteriaSets } from './read.js';

type Track = CatalogFile['tracks'][number];

/**
 * The criteria sets a track may use for a unit of a province: the national sets the track names,
 * plus the province's own sets at the track's unit level (a province's village set, say). Returns
 * the track with those codes, for the domain's set-in-force rule, and the sets themselves.
 */
export async function candidateSets(db: Db, track: Track, provinceCode: string | undefined) {
  const sets = await readCriteriaSets(db, {
    OR: [
      { code: { in: track.criteriaSetCodes }, ownerProvinceCode: null },
      ...(provinceCode ? [{ ownerProvinceCode: provinceCode, unitLevel: track.unitLevel }] : []),
    ],
  });
  return { track: { ...track, criteriaSetCodes: sets.map((s) => s.code) }, sets };
}
