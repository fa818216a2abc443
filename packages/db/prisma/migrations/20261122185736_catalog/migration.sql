-- DropForeignKey
ALTER TABLE "administrative_units" DROP CONSTRAINT "administrative_units_parent_id_fkey";

-- DropIndex
DROP INDEX "administrative_units_code_key";

-- DropIndex
DROP INDEX "administrative_units_parent_id_idx";

-- AlterTable
ALTER TABLE "administrative_units" DROP CONSTRAINT "administrative_units_pkey",
DROP COLUMN "created_at",
DROP COLUMN "id",
DROP COLUMN "parent_id",
ADD COLUMN     "parent_code" TEXT,
ADD COLUMN     "province_code" TEXT NOT NULL,
ADD COLUMN     "search_name" TEXT NOT NULL,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "valid_from" DATE NOT NULL,
ADD COLUMN     "valid_to" DATE,
ADD CONSTRAINT "administrative_units_pkey" PRIMARY KEY ("code");

-- CreateTable
CREATE TABLE "provinces" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "has_district_stage" BOOLEAN NOT NULL,
    "posting_period_days" INTEGER,
    "satisfaction_threshold_percent" DECIMAL(5,2),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "provinces_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "unit_groupings" (
    "unit_code" TEXT NOT NULL,
    "criteria_set_code" TEXT NOT NULL,
    "group_code" TEXT NOT NULL,

    CONSTRAINT "unit_groupings_pkey" PRIMARY KEY ("unit_code","criteria_set_code")
);

-- CreateTable
CREATE TABLE "criteria_sets" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "unit_level" TEXT NOT NULL,
    "valid_from_year" INTEGER NOT NULL,
    "valid_to_year" INTEGER NOT NULL,
    "owner_province_code" TEXT,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,
    "groups" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "criteria_sets_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "criteria" (
    "criteria_set_code" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "is_key" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "criteria_pkey" PRIMARY KEY ("criteria_set_code","code")
);

-- CreateTable
CREATE TABLE "indicators" (
    "criteria_set_code" TEXT NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit_of_measure" TEXT,
    "threshold_kind" TEXT NOT NULL,
    "thresholds" JSONB NOT NULL,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("criteria_set_code","code")
);

-- CreateTable
CREATE TABLE "tracks" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit_level" TEXT NOT NULL,
    "criteria_set_codes" TEXT[],
    "prerequisites" TEXT[],
    "required_documents" JSONB NOT NULL,
    "stages" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tracks_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "departments" (
    "province_code" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "district_code" TEXT,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("province_code","code")
);

-- CreateTable
CREATE TABLE "criterion_assignments" (
    "province_code" TEXT NOT NULL,
    "criteria_set_code" TEXT NOT NULL,
    "criterion_code" TEXT NOT NULL,
    "indicator_code" TEXT NOT NULL DEFAULT '',
    "department_code" TEXT NOT NULL,

    CONSTRAINT "criterion_assignments_pkey" PRIMARY KEY ("province_code","criteria_set_code","criterion_code","indicator_code","department_code")
);

-- CreateTable
CREATE TABLE "stage_durations" (
    "province_code" TEXT NOT NULL,
    "track_code" TEXT NOT NULL,
    "stage_code" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "reminder_every_days" INTEGER,
    "is_default" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "stage_durations_pkey" PRIMARY KEY ("province_code","track_code","stage_code")
);

-- CreateTable
CREATE TABLE "holidays" (
    "province_code" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "holidays_pkey" PRIMARY KEY ("province_code","date")
);

-- CreateTable
CREATE TABLE "catalog_imports" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "province_code" TEXT,
    "file_sha256" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "criteria_criteria_set_code_number_key" ON "criteria"("criteria_set_code", "number");

-- CreateIndex
CREATE INDEX "indicators_criteria_set_code_criterion_code_idx" ON "indicators"("criteria_set_code", "criterion_code");

-- CreateIndex
CREATE INDEX "criterion_assignments_province_code_department_code_idx" ON "criterion_assignments"("province_code", "department_code");

-- CreateIndex
CREATE INDEX "catalog_imports_source_idx" ON "catalog_imports"("source");

-- CreateIndex
CREATE INDEX "administrative_units_parent_code_idx" ON "administrative_units"("parent_code");

-- CreateIndex
CREATE INDEX "administrative_units_province_code_level_idx" ON "administrative_units"("province_code", "level");

-- CreateIndex
CREATE INDEX "administrative_units_search_name_idx" ON "administrative_units"("search_name");

-- AddForeignKey
ALTER TABLE "administrative_units" ADD CONSTRAINT "administrative_units_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "administrative_units"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_groupings" ADD CONSTRAINT "unit_groupings_unit_code_fkey" FOREIGN KEY ("unit_code") REFERENCES "administrative_units"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_groupings" ADD CONSTRAINT "unit_groupings_criteria_set_code_fkey" FOREIGN KEY ("criteria_set_code") REFERENCES "criteria_sets"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_criteria_set_code_fkey" FOREIGN KEY ("criteria_set_code") REFERENCES "criteria_sets"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_criteria_set_code_criterion_code_fkey" FOREIGN KEY ("criteria_set_code", "criterion_code") REFERENCES "criteria"("criteria_set_code", "code") ON DELETE CASCADE ON UPDATE CASCADE;
