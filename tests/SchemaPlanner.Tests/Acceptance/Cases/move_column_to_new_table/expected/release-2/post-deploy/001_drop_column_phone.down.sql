-- SchemaPlanner: release 2, post-deploy, down: drop column public.users.phone (no app version uses it any more)
-- Serves: drop column public.users.phone
-- Hazard SP2003 (BreaksRunningApp): dropping column public.users.phone breaks the application version that still reads or writes it
-- Hazard SP2003 (DataLoss): dropping column public.users.phone deletes its values in public.users
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: the column's values are lost; restore them from the backup taken before this step
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop column public.users.phone (no app version uses it any more)": the column''s values are lost; restore them from the backup taken before this step';
END
$irreversible$;
