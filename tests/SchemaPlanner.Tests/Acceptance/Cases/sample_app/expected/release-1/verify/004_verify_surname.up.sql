-- SchemaPlanner: release 1, verify, up: verify public.users: NOT EXISTS (SELECT 1 FROM public.users WHERE surname IS NULL AND (split_part("user", ' ', 2)) IS NOT NULL)
-- Serves: add column public.users.surname text
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    IF NOT (NOT EXISTS (SELECT 1 FROM public.users WHERE surname IS NULL AND (split_part("user", ' ', 2)) IS NOT NULL)) THEN
        RAISE EXCEPTION '%', 'public.users.surname is not filled everywhere; re-run the backfill';
    END IF;
    RAISE NOTICE 'verify public.users: all checks passed';
END
$verify$;
