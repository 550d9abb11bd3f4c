-- SchemaPlanner: release 2, post-deploy, down: drop the sync trigger and the old column public.articles.text (renamed to body) with its constraints
-- Serves: rename column public.articles.text to body
-- Hazard SP2004 (BreaksRunningApp): renaming column public.articles.text to body breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: text is gone; its values live on in body
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop the sync trigger and the old column public.articles.text (renamed to body) with its constraints": text is gone; its values live on in body';
END
$irreversible$;
