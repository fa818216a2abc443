import type { DossierPlan } from '@ntm/contracts';
import type { Db } from '@ntm/db';

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
