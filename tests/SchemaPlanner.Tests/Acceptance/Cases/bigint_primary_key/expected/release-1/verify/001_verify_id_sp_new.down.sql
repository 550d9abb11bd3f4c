-- SchemaPlanner: release 1, verify, down: verify public.projects: id_sp_new = id::bigint
-- Serves: alter column public.projects.id: type integer -> bigint
-- Hazard SP2006 (Rewrite): changing primary key column public.projects.id from integer to bigint rewrites public.projects and its indexes under an ACCESS EXCLUSIVE lock; referenced by 1 foreign key (public.issues.issues_project_id_fkey)
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
