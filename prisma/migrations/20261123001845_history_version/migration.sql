-- AlterTable
ALTER TABLE "User" ADD COLUMN     "historyVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ExplanationCache" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "historyVersion" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL,

    CONSTRAINT "ExplanationCache_pkey" PRIMARY KEY ("userId","kind")
);

-- AddForeignKey
ALTER TABLE "ExplanationCache" ADD CONSTRAINT "ExplanationCache_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
