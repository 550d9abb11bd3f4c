-- SchemaPlanner: release 1, post-deploy, up: (rollback only) rebuild the unique index of the original primary key projects_pkey on public.projects concurrently, over the retired column(s)
-- Serves: alter column public.projects.id: type integer -> bigint
-- Hazard SP2006 (Rewrite): changing primary key column public.projects.id from integer to bigint rewrites public.projects and its indexes under an ACCESS EXCLUSIVE lock; referenced by 1 foreign key (public.issues.issues_project_id_fkey)
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
