-- SchemaPlanner: release 1, post-deploy, up: build public."Order Items by order_sp_new" on the shadow column, a copy of Order Items by order
-- Serves: alter column public."Order Items"."order": type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public."Order Items"."order" from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public."Order Items"."order" from integer to bigint rewrites public."Order Items" and its indexes under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
-- A failed earlier build leaves an INVALID index behind: drop it so the build can start over.
DO $cleanup$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relname = 'Order Items by order_sp_new' AND NOT i.indisvalid) THEN
        RAISE NOTICE 'dropping invalid leftover index public."Order Items by order_sp_new"';
        -- Not CONCURRENTLY (impossible in this block), so ACCESS EXCLUSIVE on the table: never queue for it.
        SET LOCAL lock_timeout = '2s';
        DROP INDEX public."Order Items by order_sp_new";
    END IF;
END
$cleanup$;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "Order Items by order_sp_new" ON public."Order Items" USING btree (order_sp_new);
