-- SchemaPlanner: release 1, verify, up: verify public.accounts: address = email
-- Serves: rename column public.accounts.email to address (with constraint accounts_email_check -> accounts_address_check, constraint accounts_email_key -> accounts_address_key, constraint logins_account_email_fkey on public.logins)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.accounts.email to address breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    SELECT count(*) INTO bad FROM public.accounts WHERE address IS DISTINCT FROM (email);
    IF bad > 0 THEN
        SELECT ROW(id)::text INTO example FROM public.accounts WHERE address IS DISTINCT FROM (email) ORDER BY id LIMIT 1;
        RAISE EXCEPTION 'verify failed: % row(s) of public.accounts have address different from email (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.accounts: all checks passed';
END
$verify$;
