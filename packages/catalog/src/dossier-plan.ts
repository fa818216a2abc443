import { DossierPlan } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { readCriteriaSets, readProvince, readTracks } from './read.js';

/**
 * The plan a dossier is judged against: the one it was opened with. Dossiers opened before
 * plans were kept get theirs rebuilt from the catalog (without thresholds, so nothing is judged
 * for them that was not judged when they opened).
 */
export async function readDossierPlan(db: Db, dossier: { plan: unknown; trackCode: string; criteriaSetCode: string; provinceCode: string }): Promise<DossierPlan> {
  if (dossier.plan !== null && dossier.plan !== undefined) return DossierPlan.parse(dossier.plan);
  const [[track], [set], province] = await Promise.all([
    readTracks(db, { code: dossier.trackCode }),
    readCriteriaSets(db, { code: dossier.criteriaSetCode }),
    readProvince(db, dossier.provinceCode),
  ]);
  return {
    trackName: track?.name ?? dossier.trackCode,
    criteriaSet: { code: dossier.criteriaSetCode, name: set?.name ?? dossier.criteriaSetCode, legalBasis: set?.legalBasis ?? '' },
    thresholdGroup: null,
    criteria: (set?.criteria ?? []).map((c) => ({
      code: c.code,
      number: c.number,
      name: c.name,
      indicators: c.indicators.map((i) => ({ code: i.code, name: i.name, thresholdKind: i.thresholdKind, unitOfMeasure: i.unitOfMeasure, threshold: null })),
    })),
    documents: track?.requiredDocuments ?? [],
    stages: track?.stages ?? [],
    hasDistrictStage: province?.hasDistrictStage ?? true,
  };
}
