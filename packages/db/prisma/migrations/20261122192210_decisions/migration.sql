-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "decided_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "decisions" (
    "id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "province_code" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "number" TEXT,
    "signed_on" DATE,
    "signed_year" INTEGER,
    "signer" TEXT,
    "signer_title" TEXT,
    "effective_on" DATE,
    "reasons" TEXT,
    "pdf_key" TEXT,
    "pdf_sha256" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recognitions" (
    "id" UUID NOT NULL,
    "unit_code" TEXT NOT NULL,
    "track_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "decision_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recognitions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "decisions_dossier_id_key" ON "decisions"("dossier_id");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_province_code_signed_year_number_key" ON "decisions"("province_code", "signed_year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "recognitions_decision_id_key" ON "recognitions"("decision_id");

-- CreateIndex
CREATE INDEX "recognitions_unit_code_track_code_idx" ON "recognitions"("unit_code", "track_code");

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
