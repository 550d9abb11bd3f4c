-- SchemaPlanner: release 1, pre-deploy, up: build the unique index for "Order Items ""user"" key" concurrently
-- Serves: add constraint "Order Items ""user"" key" on public."Order Items": UNIQUE ("user")
-- Hazard SP4001 (IndexBuild): adding unique constraint public."Order Items"."Order Items ""user"" key" builds its index over public."Order Items" under an ACCESS EXCLUSIVE lock
-- Hazard SP4001 (BreaksRunningApp): unique constraint public."Order Items"."Order Items ""user"" key" makes the running application's writes of duplicate ("user") fail, and fails itself if duplicates exist
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
-- A failed earlier build leaves an INVALID index behind: drop it so the build can start over.
DO $cleanup$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relname = 'Order Items "user" key' AND NOT i.indisvalid) THEN
        RAISE NOTICE 'dropping invalid leftover index public."Order Items ""user"" key"';
        -- Not CONCURRENTLY (impossible in this block), so ACCESS EXCLUSIVE on the table: never queue for it.
        SET LOCAL lock_timeout = '2s';
        DROP INDEX public."Order Items ""user"" key";
    END IF;
END
$cleanup$;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Order Items ""user"" key" ON public."Order Items" USING btree ("user");
