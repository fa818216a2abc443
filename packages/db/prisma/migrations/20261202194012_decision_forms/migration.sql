-- AlterTable
ALTER TABLE "provinces" ADD COLUMN     "place_names" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "decisions" ADD COLUMN     "submission_date" DATE,
ADD COLUMN     "submission_number" TEXT;

-- CreateTable
CREATE TABLE "decision_forms" (
    "province_code" TEXT NOT NULL,
    "track_code" TEXT NOT NULL,
    "issuing_body" TEXT NOT NULL,
    "head_title" TEXT NOT NULL,
    "deputy_title" TEXT NOT NULL,
    "recognition" TEXT NOT NULL,
    "legal_bases" TEXT[],
    "proposed_by" TEXT,
    "executors" TEXT[],
    "recipients" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decision_forms_pkey" PRIMARY KEY ("province_code","track_code")
);
