-- CreateTable
CREATE TABLE "maintenance_calendars" (
    "province_code" TEXT NOT NULL,
    "track_code" TEXT NOT NULL,
    "opens_on" TEXT NOT NULL,
    "self_assessment_due" TEXT NOT NULL,
    "appraisal_due" TEXT NOT NULL,
    "report_due" TEXT NOT NULL,
    "default_fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "maintenance_calendars_pkey" PRIMARY KEY ("province_code","track_code")
);

-- CreateTable
CREATE TABLE "recheck_campaigns" (
    "id" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "track_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "dates" JSONB NOT NULL,
    "unit_count" INTEGER NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recheck_campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rechecks" (
    "campaign_id" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "district_code" TEXT,
    "track_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "recognition_id" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "outcome" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rechecks_pkey" PRIMARY KEY ("campaign_id","unit_code")
);

-- CreateIndex
CREATE INDEX "recheck_campaigns_province_code_year_idx" ON "recheck_campaigns"("province_code", "year");

-- CreateIndex
CREATE INDEX "rechecks_province_code_year_stage_idx" ON "rechecks"("province_code", "year", "stage");

-- AddForeignKey
ALTER TABLE "rechecks" ADD CONSTRAINT "rechecks_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "recheck_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
