-- SchemaPlanner: release 1, verify, down: verify public.events: target_id_sp_new = target_id::bigint
-- Serves: alter column public.events.target_id: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.events.target_id from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.events.target_id from integer to bigint rewrites public.events and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
