-- SchemaPlanner: release 1, verify, down: verify public."Order Items": From = "select"
-- Serves: rename column public."Order Items"."select" to "From"
-- Hazard SP2004 (BreaksRunningApp): renaming column public."Order Items"."select" to "From" breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
