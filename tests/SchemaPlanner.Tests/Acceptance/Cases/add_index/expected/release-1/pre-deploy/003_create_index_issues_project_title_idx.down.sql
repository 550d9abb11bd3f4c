-- SchemaPlanner: release 1, pre-deploy, down: build index public.issues_project_title_idx concurrently
-- Serves: add index public.issues_project_title_idx on public.issues (project_id, title) unique
-- Hazard SP3001 (Lock): creating index public.issues_project_title_idx blocks writes to public.issues while it reads the whole table
-- Hazard SP3001 (MayFail): unique index public.issues_project_title_idx fails to build if public.issues already holds duplicates (CONCURRENTLY then leaves an INVALID index behind)
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY IF EXISTS public.issues_project_title_idx;
