-- SchemaPlanner: release 1, verify, down: verify public.users: NOT EXISTS (SELECT 1 FROM public.users WHERE name IS NULL)
-- Serves: add column public.users.name text not null
-- Hazard SP2001 (MayFail): adding NOT NULL column public.users.name without a default fails if public.users has any row
-- Hazard SP2001 (BreaksRunningApp): adding NOT NULL column public.users.name without a default makes the running application's inserts, which do not set it, fail
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
