-- AlterTable
ALTER TABLE "recognitions" ADD COLUMN     "revocation_decision_id" UUID,
ADD COLUMN     "revoked_on" DATE;

-- AlterTable
ALTER TABLE "rechecks" ADD COLUMN     "assessment" JSONB,
ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "id" UUID NOT NULL DEFAULT gen_random_uuid(),
ADD COLUMN     "plan" JSONB,
ADD COLUMN     "remediation_due_date" DATE;

-- CreateTable
CREATE TABLE "recheck_criteria" (
    "recheck_id" UUID NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "met" BOOLEAN,
    "explanation" TEXT,
    "indicators" JSONB NOT NULL DEFAULT '[]',
    "evidence_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "change" TEXT NOT NULL,
    "assessed_by" TEXT,
    "result" TEXT,
    "remediation_action" TEXT,
    "remediation_responsible" TEXT,
    "remediation_due_date" DATE,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recheck_criteria_pkey" PRIMARY KEY ("recheck_id","criterion_code")
);

-- CreateTable
CREATE TABLE "recheck_appraisal_tasks" (
    "recheck_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "department_code" TEXT NOT NULL,
    "criterion_codes" TEXT[],
    "due_date" DATE NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "verdicts" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "recheck_appraisal_tasks_pkey" PRIMARY KEY ("recheck_id","round","department_code")
);

-- CreateTable
CREATE TABLE "recheck_events" (
    "id" UUID NOT NULL,
    "recheck_id" UUID NOT NULL,
    "command_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "to_stage" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recheck_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revocation_decisions" (
    "id" UUID NOT NULL,
    "recheck_id" UUID NOT NULL,
    "province_code" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "track_code" TEXT NOT NULL,
    "recognition_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "number" TEXT,
    "signed_on" DATE,
    "signed_year" INTEGER,
    "signer" TEXT,
    "signer_title" TEXT,
    "effective_on" DATE,
    "reasons" TEXT NOT NULL,
    "pdf_key" TEXT,
    "pdf_sha256" TEXT,
    "decided_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revocation_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recheck_appraisal_tasks_department_code_closed_at_idx" ON "recheck_appraisal_tasks"("department_code", "closed_at");

-- CreateIndex
CREATE INDEX "recheck_events_recheck_id_occurred_at_idx" ON "recheck_events"("recheck_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "recheck_events_recheck_id_command_id_key" ON "recheck_events"("recheck_id", "command_id");

-- CreateIndex
CREATE UNIQUE INDEX "revocation_decisions_recheck_id_key" ON "revocation_decisions"("recheck_id");

-- CreateIndex
CREATE INDEX "revocation_decisions_unit_code_idx" ON "revocation_decisions"("unit_code");

-- CreateIndex
CREATE UNIQUE INDEX "revocation_decisions_province_code_signed_year_number_key" ON "revocation_decisions"("province_code", "signed_year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "rechecks_id_key" ON "rechecks"("id");

-- AddForeignKey
ALTER TABLE "recheck_criteria" ADD CONSTRAINT "recheck_criteria_recheck_id_fkey" FOREIGN KEY ("recheck_id") REFERENCES "rechecks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recheck_appraisal_tasks" ADD CONSTRAINT "recheck_appraisal_tasks_recheck_id_fkey" FOREIGN KEY ("recheck_id") REFERENCES "rechecks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recheck_events" ADD CONSTRAINT "recheck_events_recheck_id_fkey" FOREIGN KEY ("recheck_id") REFERENCES "rechecks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
