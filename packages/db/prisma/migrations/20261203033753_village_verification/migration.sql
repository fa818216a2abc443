-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "confirmation_level" TEXT NOT NULL DEFAULT 'district';
