-- SchemaPlanner: release 2, post-deploy, down: drop the retired column public.issues.project_id_sp_old
-- Serves: alter column public.issues.project_id: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.issues.project_id from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.issues.project_id from integer to bigint rewrites public.issues and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: project_id_sp_old is gone; project_id holds every value in the new type
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop the retired column public.issues.project_id_sp_old": project_id_sp_old is gone; project_id holds every value in the new type';
END
$irreversible$;
