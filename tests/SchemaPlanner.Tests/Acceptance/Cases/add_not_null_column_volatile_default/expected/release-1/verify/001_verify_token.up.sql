-- SchemaPlanner: release 1, verify, up: verify public.users: NOT EXISTS (SELECT 1 FROM public.users WHERE token IS NULL)
-- Serves: add column public.users.token uuid not null default gen_random_uuid()
-- Hazard SP2002 (Rewrite): adding a column with the volatile default gen_random_uuid() (public.users.token) rewrites public.users under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    IF NOT (NOT EXISTS (SELECT 1 FROM public.users WHERE token IS NULL)) THEN
        RAISE EXCEPTION '%', 'public.users.token still has NULLs; re-run the backfill (or fix the rows where gen_random_uuid() is NULL)';
    END IF;
    RAISE NOTICE 'verify public.users: all checks passed';
END
$verify$;
