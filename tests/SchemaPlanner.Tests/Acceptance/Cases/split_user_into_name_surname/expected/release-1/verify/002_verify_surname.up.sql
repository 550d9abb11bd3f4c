-- SchemaPlanner: release 1, verify, up: verify public.users: NOT EXISTS (SELECT 1 FROM public.users WHERE surname IS NULL)
-- Serves: add column public.users.surname text not null
-- Hazard SP2001 (MayFail): adding NOT NULL column public.users.surname without a default fails if public.users has any row
-- Hazard SP2001 (BreaksRunningApp): adding NOT NULL column public.users.surname without a default makes the running application's inserts, which do not set it, fail
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    IF NOT (NOT EXISTS (SELECT 1 FROM public.users WHERE surname IS NULL)) THEN
        RAISE EXCEPTION '%', 'public.users.surname still has NULLs; re-run the backfill (or fix the rows where split_part("user", '' '', 2) is NULL)';
    END IF;
    RAISE NOTICE 'verify public.users: all checks passed';
END
$verify$;
