-- SchemaPlanner: release 1, post-deploy, down: build the unique index for accounts_address_key on the backfilled column concurrently
-- Serves: rename column public.accounts.email to address (with constraint accounts_email_check -> accounts_address_check, constraint accounts_email_key -> accounts_address_key, constraint logins_account_email_fkey on public.logins)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.accounts.email to address breaks the application version that still uses the old name
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY IF EXISTS public.accounts_address_key;
