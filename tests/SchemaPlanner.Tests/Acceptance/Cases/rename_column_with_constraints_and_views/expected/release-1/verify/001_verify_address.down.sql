-- SchemaPlanner: release 1, verify, down: verify public.accounts: address = email
-- Serves: rename column public.accounts.email to address (with constraint accounts_email_check -> accounts_address_check, constraint accounts_email_key -> accounts_address_key, constraint logins_account_email_fkey on public.logins)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.accounts.email to address breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
