-- SchemaPlanner: release 1, post-deploy, down: build issues_project_id_idx_sp_new on the shadow column(s), a copy of issues_project_id_idx
-- Serves: alter column public.projects.id: type integer -> bigint
-- Hazard SP2006 (Rewrite): changing primary key column public.projects.id from integer to bigint rewrites public.projects and its indexes under an ACCESS EXCLUSIVE lock; referenced by 1 foreign key (public.issues.issues_project_id_fkey)
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY IF EXISTS public.issues_project_id_idx_sp_new;
