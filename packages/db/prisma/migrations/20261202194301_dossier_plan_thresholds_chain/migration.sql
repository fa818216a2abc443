-- AlterTable
ALTER TABLE "provinces" ADD COLUMN     "chain_changes" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "administrative_units" ADD COLUMN     "special_difficulty" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "criteria_sets" ADD COLUMN     "special_difficulty_group" TEXT;

-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "plan" JSONB;
