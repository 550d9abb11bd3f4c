-- SchemaPlanner: release 1, pre-deploy, down: drop NOT NULL on public.users.legacy_token so the new app version can insert without it
-- Serves: drop column public.users.legacy_token
-- Hazard SP2003 (BreaksRunningApp): dropping column public.users.legacy_token breaks the application version that still reads or writes it
-- Hazard SP2003 (DataLoss): dropping column public.users.legacy_token deletes its values in public.users
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: rows the new app version inserts have no value in legacy_token, so NOT NULL cannot be restored once it has written; a rollback keeps the column nullable
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop NOT NULL on public.users.legacy_token so the new app version can insert without it": rows the new app version inserts have no value in legacy_token, so NOT NULL cannot be restored once it has written; a rollback keeps the column nullable';
END
$irreversible$;
