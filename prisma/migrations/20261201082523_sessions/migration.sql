-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeen" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Change notifications (see 20261123014500_change_notifications): an ended or removed session
-- drops its owner's cached entries on every instance, so a signed-out cookie stops working
-- everywhere at once. `lastSeen` moves every few minutes of activity and changes nothing the
-- cache holds, so only a change of "endedAt" notifies.
CREATE TRIGGER "Session_notify_end" AFTER UPDATE OF "endedAt" ON "Session"
  FOR EACH ROW WHEN (OLD."endedAt" IS DISTINCT FROM NEW."endedAt") EXECUTE FUNCTION "notify_owner_change"();

CREATE TRIGGER "Session_notify_delete" AFTER DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "notify_owner_change"();
