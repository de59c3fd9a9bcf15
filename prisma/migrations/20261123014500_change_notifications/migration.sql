-- Change notifications for the in-process read cache (lib/db/change-feed.ts, lib/db/read-cache.ts).
-- Every committed write to a row the cache may mirror (a user, their cached explanation, their API
-- tokens) sends the owning user's id on the channel "credit_health_changes"; each app instance
-- LISTENs and drops what it holds for that user. PostgreSQL delivers a notification only at
-- commit, so a rolled-back write invalidates nothing.

CREATE FUNCTION "notify_user_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('credit_health_changes', OLD."id");
  ELSE
    PERFORM pg_notify('credit_health_changes', NEW."id");
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "notify_owner_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('credit_health_changes', OLD."userId");
  ELSE
    PERFORM pg_notify('credit_health_changes', NEW."userId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "User_notify_change" AFTER UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "notify_user_change"();

CREATE TRIGGER "ExplanationCache_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "ExplanationCache"
  FOR EACH ROW EXECUTE FUNCTION "notify_owner_change"();

CREATE TRIGGER "ApiToken_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "notify_owner_change"();
