-- CreateTable
CREATE TABLE "dossiers" (
    "id" UUID NOT NULL,
    "tracking_code" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "district_code" TEXT,
    "track_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "criteria_set_code" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "open_key" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),

    CONSTRAINT "dossiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criterion_self_assessments" (
    "dossier_id" UUID NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "met" BOOLEAN NOT NULL,
    "explanation" TEXT NOT NULL,
    "indicators" JSONB NOT NULL,
    "evidence_ids" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "criterion_self_assessments_pkey" PRIMARY KEY ("dossier_id","criterion_code")
);

-- CreateTable
CREATE TABLE "dossier_documents" (
    "dossier_id" UUID NOT NULL,
    "document_code" TEXT NOT NULL,
    "evidence_id" TEXT NOT NULL,
    "attached_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_documents_pkey" PRIMARY KEY ("dossier_id","document_code")
);

-- CreateTable
CREATE TABLE "dossier_events" (
    "id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "command_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dossiers_tracking_code_key" ON "dossiers"("tracking_code");

-- CreateIndex
CREATE UNIQUE INDEX "dossiers_open_key_key" ON "dossiers"("open_key");

-- CreateIndex
CREATE INDEX "dossiers_province_code_stage_idx" ON "dossiers"("province_code", "stage");

-- CreateIndex
CREATE INDEX "dossiers_unit_code_idx" ON "dossiers"("unit_code");

-- CreateIndex
CREATE INDEX "dossier_events_dossier_id_occurred_at_idx" ON "dossier_events"("dossier_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_events_dossier_id_command_id_key" ON "dossier_events"("dossier_id", "command_id");

-- AddForeignKey
ALTER TABLE "criterion_self_assessments" ADD CONSTRAINT "criterion_self_assessments_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
