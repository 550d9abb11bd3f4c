-- SchemaPlanner: release 1, backfill, down: backfill public.users: token := gen_random_uuid()
-- Serves: add column public.users.token uuid not null default gen_random_uuid()
-- Hazard SP2002 (Rewrite): adding a column with the volatile default gen_random_uuid() (public.users.token) rewrites public.users under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
