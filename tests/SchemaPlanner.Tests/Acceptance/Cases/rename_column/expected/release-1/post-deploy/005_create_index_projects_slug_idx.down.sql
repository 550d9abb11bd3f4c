-- SchemaPlanner: release 1, post-deploy, down: build index public.projects_slug_idx on the backfilled column concurrently
-- Serves: rename column public.projects.path to slug (with index projects_path_idx -> projects_slug_idx)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.projects.path to slug breaks the application version that still uses the old name
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY IF EXISTS public.projects_slug_idx;
