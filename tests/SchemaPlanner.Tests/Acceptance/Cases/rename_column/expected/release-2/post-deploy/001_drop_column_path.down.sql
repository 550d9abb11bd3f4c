-- SchemaPlanner: release 2, post-deploy, down: drop the sync trigger and the old column public.projects.path (renamed to slug) with its constraints
-- Serves: rename column public.projects.path to slug (with index projects_path_idx -> projects_slug_idx)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.projects.path to slug breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: path is gone; its values live on in slug
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop the sync trigger and the old column public.projects.path (renamed to slug) with its constraints": path is gone; its values live on in slug';
END
$irreversible$;
