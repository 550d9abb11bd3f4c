-- SchemaPlanner: release 1, verify, down: verify public.products: price_v2 = price::numeric / 100
-- Serves: rename column public.products.price to price_v2 (type integer -> numeric(12,2))
-- Hazard SP2004 (BreaksRunningApp): renaming column public.products.price to price_v2 breaks the application version that still uses the old name
-- Hazard SP2005 (BreaksRunningApp): changing public.products.price_v2 from integer to numeric(12,2) breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.products.price_v2 from integer to numeric(12,2) rewrites public.products and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
