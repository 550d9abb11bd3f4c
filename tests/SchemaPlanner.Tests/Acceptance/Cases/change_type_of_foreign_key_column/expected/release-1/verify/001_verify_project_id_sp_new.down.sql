-- SchemaPlanner: release 1, verify, down: verify public.issues: project_id_sp_new = project_id::bigint
-- Serves: alter column public.issues.project_id: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.issues.project_id from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.issues.project_id from integer to bigint rewrites public.issues and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
