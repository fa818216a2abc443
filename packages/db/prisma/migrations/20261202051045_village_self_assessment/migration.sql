-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "self_assessment_level" TEXT NOT NULL DEFAULT 'commune';
