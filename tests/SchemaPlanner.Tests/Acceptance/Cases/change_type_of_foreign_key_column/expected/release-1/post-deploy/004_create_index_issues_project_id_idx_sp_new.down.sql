-- SchemaPlanner: release 1, post-deploy, down: build public.issues_project_id_idx_sp_new on the shadow column, a copy of issues_project_id_idx
-- Serves: alter column public.issues.project_id: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.issues.project_id from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.issues.project_id from integer to bigint rewrites public.issues and its indexes under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY IF EXISTS public.issues_project_id_idx_sp_new;
