-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "recheck_id" UUID,
ALTER COLUMN "dossier_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "evidence_recheck_id_idx" ON "evidence"("recheck_id");

-- Hand-written (Prisma cannot express a CHECK; listed in src/hand-written-constraints.ts):
-- a file belongs to exactly one dossier or one re-check.
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_one_owner" CHECK (("dossier_id" IS NULL) <> ("recheck_id" IS NULL));
