-- SchemaPlanner: release 1, verify, up: verify public."Order Items": NOT EXISTS (SELECT 1 FROM public."Order Items" WHERE "group by" IS NULL)
-- Serves: add column public."Order Items"."group by" text not null
-- Hazard SP2001 (MayFail): adding NOT NULL column public."Order Items"."group by" without a default fails if public."Order Items" has any row
-- Hazard SP2001 (BreaksRunningApp): adding NOT NULL column public."Order Items"."group by" without a default makes the running application's inserts, which do not set it, fail
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    IF NOT (NOT EXISTS (SELECT 1 FROM public."Order Items" WHERE "group by" IS NULL)) THEN
        RAISE EXCEPTION '%', 'public."Order Items".group by still has NULLs; re-run the backfill (or fix the rows where "user" || '' in '' || "select" is NULL)';
    END IF;
    RAISE NOTICE 'verify public."Order Items": all checks passed';
END
$verify$;
