import type { DossierPlan } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { readDossierPlan } from './dossier-plan.js';

export interface CachedPlan {
  /** The dossier row's version (PostgreSQL's xmin) the plan was read at. */
  version: string;
  plan: DossierPlan;
}

/**
 * The parsed plans of the dossiers read last, by dossier id, at most `max` of them (the least
 * recently read go first). A plan is frozen when its dossier opens, so a read sends its cached
 * version and PostgreSQL leaves the plan out when the row is still at that version; any write to
 * the row gives it a new version, and the next read takes the plan from the row again. Saves
 * parsing the plan (a few kilobytes of JSON, then zod) on every read.
 */
export class PlanCache {
  readonly #plans = new Map<string, CachedPlan>();
  constructor(readonly max: number) {}

  get(dossierId: string): CachedPlan | undefined {
    const cached = this.#plans.get(dossierId);
    if (cached) {
      this.#plans.delete(dossierId);
      this.#plans.set(dossierId, cached);
    }
    return cached;
  }

  /** Keeps the plan, frozen: every read after this one shares it, so none may change it. */
  keep(dossierId: string, cached: CachedPlan): void {
    deepFreeze(cached.plan);
    this.#plans.delete(dossierId);
    this.#plans.set(dossierId, cached);
    if (this.#plans.size > this.max) {
      const oldest = this.#plans.keys().next();
      if (!oldest.done) this.#plans.delete(oldest.value);
    }
  }

  get size(): number {
    return this.#plans.size;
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

const caches = new WeakMap<Db, PlanCache>();

/** One cache per database client, so two databases in one process never share plans. */
export function planCacheOf(db: Db): PlanCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new PlanCache(2_000)));
  return cache;
}

/** A dossier row as a read that uses the cache takes it: the plan left out while the row is at the version sent. */
export interface VersionedDossierRow {
  /** PostgreSQL's xmin of the row, as text: any write to the row changes it. */
  version: string;
  /** Null when the row is still at the version sent (or when the dossier has none). */
  plan: unknown;
  trackCode: string;
  criteriaSetCode: string;
  provinceCode: string;
}

/**
 * The dossier's kept plan, if any: a read sends its version, and its statement answers
 * `CASE WHEN d.xmin::text = $version THEN NULL ELSE d.plan END`.
 */
export function keptPlan(db: Db, dossierId: string): CachedPlan | undefined {
  return planCacheOf(db).get(dossierId);
}

/**
 * The dossier's plan, given the row read with the version of `kept`: the kept plan while the row is
 * still at that version, otherwise the row's, parsed once and kept.
 */
export async function dossierPlanOfRow(db: Db, dossierId: string, row: VersionedDossierRow, kept: CachedPlan | undefined): Promise<DossierPlan> {
  if (kept?.version === row.version) return kept.plan;
  const plan = await readDossierPlan(db, row);
  // A dossier opened before plans were kept has its plan rebuilt from the catalog, which may change: not kept.
  if (row.plan !== null && row.plan !== undefined) planCacheOf(db).keep(dossierId, { version: row.version, plan });
  return plan;
}
