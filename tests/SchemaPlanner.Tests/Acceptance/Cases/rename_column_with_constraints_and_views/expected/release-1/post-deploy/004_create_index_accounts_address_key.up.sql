-- SchemaPlanner: release 1, post-deploy, up: build the unique index for accounts_address_key on the backfilled column concurrently
-- Serves: rename column public.accounts.email to address (with constraint accounts_email_check -> accounts_address_check, constraint accounts_email_key -> accounts_address_key, constraint logins_account_email_fkey on public.logins)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.accounts.email to address breaks the application version that still uses the old name
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
-- A failed earlier build leaves an INVALID index behind: drop it so the build can start over.
DO $cleanup$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relname = 'accounts_address_key' AND NOT i.indisvalid) THEN
        RAISE NOTICE 'dropping invalid leftover index public.accounts_address_key';
        -- Not CONCURRENTLY (impossible in this block), so ACCESS EXCLUSIVE on the table: never queue for it.
        SET LOCAL lock_timeout = '2s';
        DROP INDEX public.accounts_address_key;
    END IF;
END
$cleanup$;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_address_key ON public.accounts USING btree (address);
