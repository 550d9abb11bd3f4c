-- SchemaPlanner: release 1, pre-deploy, up: build index public.issues_project_title_idx concurrently
-- Serves: add index public.issues_project_title_idx on public.issues (project_id, title) unique
-- Hazard SP3001 (Lock): creating index public.issues_project_title_idx blocks writes to public.issues while it reads the whole table
-- Hazard SP3001 (MayFail): unique index public.issues_project_title_idx fails to build if public.issues already holds duplicates (CONCURRENTLY then leaves an INVALID index behind)
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
-- A failed earlier build leaves an INVALID index behind: drop it so the build can start over.
DO $cleanup$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relname = 'issues_project_title_idx' AND NOT i.indisvalid) THEN
        RAISE NOTICE 'dropping invalid leftover index public.issues_project_title_idx';
        -- Not CONCURRENTLY (impossible in this block), so ACCESS EXCLUSIVE on the table: never queue for it.
        SET LOCAL lock_timeout = '2s';
        DROP INDEX public.issues_project_title_idx;
    END IF;
END
$cleanup$;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS issues_project_title_idx ON public.issues USING btree (project_id, title);
