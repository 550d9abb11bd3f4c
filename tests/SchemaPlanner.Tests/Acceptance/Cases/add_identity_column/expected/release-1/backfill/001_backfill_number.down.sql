-- SchemaPlanner: release 1, backfill, down: backfill public.orders: number := nextval('public.orders_number_sp_seq'::regclass)
-- Serves: add column public.orders.number bigint not null
-- Hazard SP2002 (Rewrite): adding an identity column (public.orders.number) rewrites public.orders under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
