import type { Db } from '@ntm/db';
import type { Storage } from '@ntm/storage';
import { createDecisionActivities } from './decision.js';
import type { PingInput, PingResult } from '@ntm/contracts';
import { createDossierActivities } from './dossier.js';
import { createEvidenceActivities } from './evidence.js';
import { createCampaignActivities } from './campaign.js';
import { createRecheckActivities } from './recheck.js';
import { createRevocationActivities } from './revocation.js';

export interface ActivityDeps {
  db: Db;
  storage: Storage;
  publicBaseUrl: string;
  /** Re-check workflows a campaign starts per second (default 20). */
  recheckStartsPerSecond?: number;
}

/** Activities get their dependencies from the worker; every write is idempotent (activities retry). */
export function createActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    ...createDossierActivities(db),
    ...createDecisionActivities(deps),
    ...createEvidenceActivities(deps),
    ...createCampaignActivities(deps),
    ...createRecheckActivities(db),
    ...createRevocationActivities(deps),
    async recordPing(input: PingInput): Promise<PingResult> {
      const row = await db.pingRecord.upsert({
        where: { id: input.pingId },
        create: { id: input.pingId, message: input.message },
        update: {},
      });
      return { pingId: row.id, message: row.message, recordedAt: row.recordedAt.toISOString() };
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
