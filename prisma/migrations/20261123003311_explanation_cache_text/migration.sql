-- AlterTable
ALTER TABLE "ExplanationCache" ALTER COLUMN "payload" SET DATA TYPE TEXT;
