-- SchemaPlanner: release 1, verify, down: verify public.orders: NOT EXISTS (SELECT 1 FROM public.orders WHERE number IS NULL)
-- Serves: add column public.orders.number bigint not null
-- Hazard SP2002 (Rewrite): adding an identity column (public.orders.number) rewrites public.orders under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
