-- SchemaPlanner: release 2, post-deploy, down: drop the retired column(s) project_id_sp_old of public.issues
-- Serves: alter column public.projects.id: type integer -> bigint
-- Hazard SP2006 (Rewrite): changing primary key column public.projects.id from integer to bigint rewrites public.projects and its indexes under an ACCESS EXCLUSIVE lock; referenced by 1 foreign key (public.issues.issues_project_id_fkey)
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: the retired project_id_sp_old are gone; project_id hold every value as bigint
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop the retired column(s) project_id_sp_old of public.issues": the retired project_id_sp_old are gone; project_id hold every value as bigint';
END
$irreversible$;
