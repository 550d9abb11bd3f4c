-- SchemaPlanner: release 2, post-deploy, down: drop the sync trigger and the old column public."Order Items"."select" (renamed to "From") with its constraints
-- Serves: rename column public."Order Items"."select" to "From"
-- Hazard SP2004 (BreaksRunningApp): renaming column public."Order Items"."select" to "From" breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: "select" is gone; its values live on in "From"
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop the sync trigger and the old column public."Order Items"."select" (renamed to "From") with its constraints": "select" is gone; its values live on in "From"';
END
$irreversible$;
