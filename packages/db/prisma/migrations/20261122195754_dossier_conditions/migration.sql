-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "attestations" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "posting_started_on" DATE,
ADD COLUMN     "satisfaction_percent" DECIMAL(5,2);
