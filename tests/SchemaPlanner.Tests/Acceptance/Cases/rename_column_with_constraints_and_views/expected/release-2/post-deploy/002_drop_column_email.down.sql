-- SchemaPlanner: release 2, post-deploy, down: drop the sync trigger and the old column public.accounts.email (renamed to address) with its constraints
-- Serves: rename column public.accounts.email to address (with constraint accounts_email_check -> accounts_address_check, constraint accounts_email_key -> accounts_address_key, constraint logins_account_email_fkey on public.logins)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.accounts.email to address breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: email is gone; its values live on in address
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop the sync trigger and the old column public.accounts.email (renamed to address) with its constraints": email is gone; its values live on in address';
END
$irreversible$;
