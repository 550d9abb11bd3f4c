-- SchemaPlanner: release 1, backfill, down: backfill public.members: badge_sp_new := badge::bigint
-- Serves: alter column public.members.badge: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.members.badge from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.members.badge from integer to bigint rewrites public.members and its indexes under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
