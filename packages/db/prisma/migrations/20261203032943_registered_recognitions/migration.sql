-- AlterTable
ALTER TABLE "recognitions" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'issued',
ADD COLUMN     "recognised_on" DATE;

-- CreateTable
CREATE TABLE "registered_decisions" (
    "id" UUID NOT NULL,
    "province_code" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "track_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "signed_on" DATE NOT NULL,
    "signed_year" INTEGER NOT NULL,
    "signer" TEXT NOT NULL,
    "signer_title" TEXT,
    "pdf_key" TEXT,
    "pdf_sha256" TEXT,
    "pdf_size_bytes" INTEGER,
    "registered_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registered_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "registered_decisions_unit_code_idx" ON "registered_decisions"("unit_code");

-- CreateIndex
CREATE UNIQUE INDEX "registered_decisions_province_code_signed_year_number_key" ON "registered_decisions"("province_code", "signed_year", "number");

-- Recognitions issued before this migration hold from their decision's effective (or signing) day.
UPDATE "recognitions" r SET "recognised_on" = COALESCE(d."effective_on", d."signed_on")
FROM "decisions" d WHERE d."id" = r."decision_id" AND r."recognised_on" IS NULL;
