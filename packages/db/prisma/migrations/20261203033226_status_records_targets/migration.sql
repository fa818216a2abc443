-- CreateTable
CREATE TABLE "unit_status_records" (
    "id" UUID NOT NULL,
    "unit_code" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "criteria_set_code" TEXT NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "indicator_code" TEXT NOT NULL DEFAULT '',
    "recorded_on" DATE NOT NULL,
    "met" BOOLEAN NOT NULL,
    "value" TEXT,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_status_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_targets" (
    "unit_code" TEXT NOT NULL,
    "track_code" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "target_year" INTEGER NOT NULL,
    "set_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unit_targets_pkey" PRIMARY KEY ("unit_code","track_code")
);

-- CreateIndex
CREATE INDEX "unit_status_records_province_code_criteria_set_code_recorde_idx" ON "unit_status_records"("province_code", "criteria_set_code", "recorded_on");

-- CreateIndex
CREATE UNIQUE INDEX "unit_status_records_unit_code_criteria_set_code_criterion_c_key" ON "unit_status_records"("unit_code", "criteria_set_code", "criterion_code", "indicator_code", "recorded_on", "source");

-- CreateIndex
CREATE INDEX "unit_targets_province_code_track_code_target_year_idx" ON "unit_targets"("province_code", "track_code", "target_year");
