-- SchemaPlanner: release 1, backfill, down: backfill public.users: surname := split_part("user", ' ', 2)
-- Serves: add column public.users.surname text
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
