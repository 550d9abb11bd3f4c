-- SchemaPlanner: release 2, post-deploy, down: drop the retired column public.articles.payload_sp_old
-- Serves: alter column public.articles.payload: type text -> jsonb
-- Hazard SP2005 (BreaksRunningApp): changing public.articles.payload from text to jsonb breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.articles.payload from text to jsonb rewrites public.articles and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: payload_sp_old is gone; payload holds every value in the new type
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop the retired column public.articles.payload_sp_old": payload_sp_old is gone; payload holds every value in the new type';
END
$irreversible$;
