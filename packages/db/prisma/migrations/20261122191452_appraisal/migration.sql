-- CreateTable
CREATE TABLE "appraisal_tasks" (
    "dossier_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "department_code" TEXT NOT NULL,
    "criterion_codes" TEXT[],
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_date" DATE NOT NULL,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "appraisal_tasks_pkey" PRIMARY KEY ("dossier_id","round","department_code")
);

-- CreateTable
CREATE TABLE "appraisal_verdicts" (
    "dossier_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "department_code" TEXT NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "reason" TEXT,
    "actor" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appraisal_verdicts_pkey" PRIMARY KEY ("dossier_id","round","department_code","criterion_code")
);

-- CreateIndex
CREATE INDEX "appraisal_tasks_department_code_closed_at_idx" ON "appraisal_tasks"("department_code", "closed_at");

-- AddForeignKey
ALTER TABLE "appraisal_tasks" ADD CONSTRAINT "appraisal_tasks_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisal_verdicts" ADD CONSTRAINT "appraisal_verdicts_dossier_id_round_department_code_fkey" FOREIGN KEY ("dossier_id", "round", "department_code") REFERENCES "appraisal_tasks"("dossier_id", "round", "department_code") ON DELETE CASCADE ON UPDATE CASCADE;
