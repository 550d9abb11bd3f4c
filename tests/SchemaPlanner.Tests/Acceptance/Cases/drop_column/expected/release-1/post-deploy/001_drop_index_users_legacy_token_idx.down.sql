-- SchemaPlanner: release 1, post-deploy, down: drop index public.users_legacy_token_idx concurrently
-- Serves: drop index public.users_legacy_token_idx
-- Hazard SP3002 (Lock): dropping index public.users_legacy_token_idx takes an ACCESS EXCLUSIVE lock on public.users, blocking reads and writes; queries that used it get slower
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
-- A failed earlier build leaves an INVALID index behind: drop it so the build can start over.
DO $cleanup$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relname = 'users_legacy_token_idx' AND NOT i.indisvalid) THEN
        RAISE NOTICE 'dropping invalid leftover index public.users_legacy_token_idx';
        -- Not CONCURRENTLY (impossible in this block), so ACCESS EXCLUSIVE on the table: never queue for it.
        SET LOCAL lock_timeout = '2s';
        DROP INDEX public.users_legacy_token_idx;
    END IF;
END
$cleanup$;
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_legacy_token_idx ON public.users USING btree (legacy_token);
