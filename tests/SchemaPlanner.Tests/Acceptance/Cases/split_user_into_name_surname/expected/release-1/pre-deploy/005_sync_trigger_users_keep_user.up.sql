-- SchemaPlanner: release 1, pre-deploy, up: keep public.users."user" filled from (name || ' ' || surname) while old readers remain
-- Serves: drop column public.users."user"
-- Hazard SP2003 (BreaksRunningApp): dropping column public.users."user" breaks the application version that still reads or writes it
-- Hazard SP2003 (DataLoss): dropping column public.users."user" deletes its values in public.users
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
-- Keeps the old shape () and the new shape (user) of public.users in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_users_keep_user() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW."user" IS NULL THEN
            -- written through the old shape
            SELECT (name || ' ' || surname)
              INTO NEW."user"
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    -- Recomputed only when the update changes what the expression gives: a value the new app wrote itself stays.
    ELSIF NOT (NEW."user" IS DISTINCT FROM OLD."user")
          AND ((SELECT (name || ' ' || surname) FROM (SELECT NEW.*) AS sp_row) IS DISTINCT FROM (SELECT (name || ' ' || surname) FROM (SELECT OLD.*) AS sp_row)) THEN
        -- updated through the old shape
            SELECT (name || ' ' || surname)
              INTO NEW."user"
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_users_keep_user ON public.users;
CREATE TRIGGER schemaplan_sync_users_keep_user BEFORE INSERT OR UPDATE ON public.users
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_users_keep_user();

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
