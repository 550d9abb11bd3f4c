-- SchemaPlanner: release 1, backfill, down: backfill public.users: name := split_part("user", ' ', 1)
-- Serves: add column public.users.name text
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
