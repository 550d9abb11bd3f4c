-- SchemaPlanner: release 1, backfill, down: backfill public.user_phones (user_id, phone) from public.users WHERE phone IS NOT NULL
-- Serves: create table public.user_phones
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
