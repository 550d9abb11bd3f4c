-- SchemaPlanner: release 1, pre-deploy, up: keep email and address in step in both directions
-- Serves: rename column public.accounts.email to address (with constraint accounts_email_check -> accounts_address_check, constraint accounts_email_key -> accounts_address_key, constraint logins_account_email_fkey on public.logins)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.accounts.email to address breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- Retried on lock timeout (SQLSTATE 55P03), or on a deadlock it lost (40P01), with growing pauses instead of
-- queueing behind other locks. Each wait stays under deadlock_timeout, so in a lock cycle with the application this
-- step gives up first: PostgreSQL's deadlock check, which may cancel either side, never cancels the application.
DO $retry$
DECLARE
    attempt integer := 0;
BEGIN
    IF current_setting('lock_timeout')::interval = interval '0'
       OR current_setting('lock_timeout')::interval >= current_setting('deadlock_timeout')::interval THEN
        PERFORM set_config('lock_timeout', (extract(epoch FROM current_setting('deadlock_timeout')::interval) * 500)::bigint || 'ms', true);
    END IF;
    LOOP
        BEGIN
-- Keeps the old shape (email) and the new shape (address) of public.accounts in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_accounts_email_address() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.address IS NULL THEN
            -- written through the old shape
            SELECT (email)
              INTO NEW.address
              FROM (SELECT NEW.*) AS sp_row;
        ELSIF NEW.email IS NULL THEN
            -- written through the new shape
            SELECT (address)
              INTO NEW.email
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    ELSIF (NEW.email IS DISTINCT FROM OLD.email)
          AND NOT (NEW.address IS DISTINCT FROM OLD.address) THEN
        -- updated through the old shape
            SELECT (email)
              INTO NEW.address
              FROM (SELECT NEW.*) AS sp_row;
    ELSIF (NEW.address IS DISTINCT FROM OLD.address)
          AND NOT (NEW.email IS DISTINCT FROM OLD.email) THEN
        -- updated through the new shape
            SELECT (address)
              INTO NEW.email
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_accounts_email_address ON public.accounts;
CREATE TRIGGER schemaplan_sync_accounts_email_address BEFORE INSERT OR UPDATE ON public.accounts
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_accounts_email_address();

            EXIT;
        EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
            attempt := attempt + 1;
            IF attempt >= 10 THEN
                RAISE;
            END IF;
            RAISE NOTICE '% (attempt % of 10), retrying', SQLERRM, attempt;
            PERFORM pg_sleep(least(0.5 * attempt, 5));
        END;
    END LOOP;
END
$retry$;
