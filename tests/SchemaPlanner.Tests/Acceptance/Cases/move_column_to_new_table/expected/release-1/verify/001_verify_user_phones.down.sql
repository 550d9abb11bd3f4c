-- SchemaPlanner: release 1, verify, down: verify every row of public.users WHERE phone IS NOT NULL has its row in public.user_phones
-- Serves: create table public.user_phones
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
