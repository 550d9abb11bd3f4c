-- SchemaPlanner: release 1, verify, down: verify public.orders: NOT EXISTS (SELECT 1 FROM public.orders WHERE quantity IS NULL)
-- Serves: alter column public.orders.quantity: set not null
-- Hazard SP2008 (BreaksRunningApp): SET NOT NULL on public.orders.quantity makes writes of NULL by the running application fail (and fails itself if a row holds NULL)
-- Hazard SP2008 (Scan): SET NOT NULL on public.orders.quantity scans public.orders under an ACCESS EXCLUSIVE lock; a validated CHECK (… IS NOT NULL) lets it skip the scan
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
