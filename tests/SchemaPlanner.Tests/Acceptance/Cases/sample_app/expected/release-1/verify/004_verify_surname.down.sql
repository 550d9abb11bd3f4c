-- SchemaPlanner: release 1, verify, down: verify public.users: NOT EXISTS (SELECT 1 FROM public.users WHERE surname IS NULL AND (split_part("user", ' ', 2)) IS NOT NULL)
-- Serves: add column public.users.surname text
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
