-- SchemaPlanner: release 1, post-deploy, up: build index public.projects_slug_idx on the backfilled column concurrently
-- Serves: rename column public.projects.path to slug (with index projects_path_idx -> projects_slug_idx)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.projects.path to slug breaks the application version that still uses the old name
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
-- A failed earlier build leaves an INVALID index behind: drop it so the build can start over.
DO $cleanup$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relname = 'projects_slug_idx' AND NOT i.indisvalid) THEN
        RAISE NOTICE 'dropping invalid leftover index public.projects_slug_idx';
        -- Not CONCURRENTLY (impossible in this block), so ACCESS EXCLUSIVE on the table: never queue for it.
        SET LOCAL lock_timeout = '2s';
        DROP INDEX public.projects_slug_idx;
    END IF;
END
$cleanup$;
CREATE INDEX CONCURRENTLY IF NOT EXISTS projects_slug_idx ON public.projects USING btree (slug);
