-- CreateTable
CREATE TABLE "unit_mergers" (
    "former_unit_code" TEXT NOT NULL,
    "new_unit_code" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "effective_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_mergers_pkey" PRIMARY KEY ("former_unit_code","new_unit_code")
);

-- CreateTable
CREATE TABLE "merger_decisions" (
    "id" UUID NOT NULL,
    "province_code" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "track_code" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "signed_on" DATE NOT NULL,
    "signed_year" INTEGER NOT NULL,
    "signer" TEXT NOT NULL,
    "signer_title" TEXT,
    "merged_on" DATE NOT NULL,
    "former_decisions" JSONB NOT NULL,
    "issued_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merger_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unit_mergers_new_unit_code_idx" ON "unit_mergers"("new_unit_code");

-- CreateIndex
CREATE INDEX "unit_mergers_province_code_idx" ON "unit_mergers"("province_code");

-- CreateIndex
CREATE INDEX "merger_decisions_unit_code_idx" ON "merger_decisions"("unit_code");

-- CreateIndex
CREATE UNIQUE INDEX "merger_decisions_province_code_signed_year_number_key" ON "merger_decisions"("province_code", "signed_year", "number");
