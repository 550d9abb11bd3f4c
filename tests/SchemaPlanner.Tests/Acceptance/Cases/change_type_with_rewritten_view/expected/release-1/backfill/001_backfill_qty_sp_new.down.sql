-- SchemaPlanner: release 1, backfill, down: backfill public.stock: qty_sp_new := qty::bigint
-- Serves: alter column public.stock.qty: type text -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.stock.qty from text to bigint breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.stock.qty from text to bigint rewrites public.stock and its indexes under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
