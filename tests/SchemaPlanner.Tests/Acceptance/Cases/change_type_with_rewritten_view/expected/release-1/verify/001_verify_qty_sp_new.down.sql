-- SchemaPlanner: release 1, verify, down: verify public.stock: qty_sp_new = qty::bigint
-- Serves: alter column public.stock.qty: type text -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.stock.qty from text to bigint breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.stock.qty from text to bigint rewrites public.stock and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
