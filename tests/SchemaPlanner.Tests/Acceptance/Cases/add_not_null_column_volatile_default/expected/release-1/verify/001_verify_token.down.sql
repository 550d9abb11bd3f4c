-- SchemaPlanner: release 1, verify, down: verify public.users: NOT EXISTS (SELECT 1 FROM public.users WHERE token IS NULL)
-- Serves: add column public.users.token uuid not null default gen_random_uuid()
-- Hazard SP2002 (Rewrite): adding a column with the volatile default gen_random_uuid() (public.users.token) rewrites public.users under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
