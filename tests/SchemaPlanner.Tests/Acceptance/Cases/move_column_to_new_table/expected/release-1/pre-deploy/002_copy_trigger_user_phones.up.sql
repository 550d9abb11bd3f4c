-- SchemaPlanner: release 1, pre-deploy, up: keep public.user_phones in step with what the previous app version writes to public.users, and the new version's writes back
-- Serves: create table public.user_phones
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
-- Keeps public.user_phones in step with public.users while both app versions run: the previous version writes
-- public.users, the new one public.user_phones. A source row that matches (phone IS NOT NULL) has the target row
-- (user_id := id, phone := phone), upserted on its key
-- (user_id). An update that no longer matches, or moves the key, removes it; a deleted source row takes its target row along.
-- An update copies only when it changes what the mapping or the filter gives, so a new-version write of other
-- columns never overwrites what the new version wrote to public.user_phones. The setting schemaplan.copying
-- tells each trigger that the other one is writing, so neither copies back what it was just given.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_users_copy_user_phones() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.copying', true) IN ('reverse', 'backfill') THEN
        RETURN OLD;
    END IF;
    PERFORM set_config('schemaplan.copying', 'forward', true);
    IF TG_OP = 'DELETE' THEN
        DELETE FROM public.user_phones
         WHERE (user_id) = (SELECT (id) FROM (SELECT OLD.*) AS sp_row);
    ELSIF TG_OP = 'INSERT'
       OR (SELECT ROW((id), (phone), coalesce((phone IS NOT NULL), false)) FROM (SELECT NEW.*) AS sp_row)
          IS DISTINCT FROM (SELECT ROW((id), (phone), coalesce((phone IS NOT NULL), false)) FROM (SELECT OLD.*) AS sp_row) THEN
        IF TG_OP = 'UPDATE'
           AND ((SELECT ROW((id)) FROM (SELECT NEW.*) AS sp_row)
                IS DISTINCT FROM (SELECT ROW((id)) FROM (SELECT OLD.*) AS sp_row)
                OR NOT coalesce((SELECT (phone IS NOT NULL) FROM (SELECT NEW.*) AS sp_row), false)) THEN
            DELETE FROM public.user_phones
             WHERE (user_id) = (SELECT (id) FROM (SELECT OLD.*) AS sp_row);
        END IF;
        INSERT INTO public.user_phones AS sp_target (user_id, phone)
        SELECT (id), (phone)
          FROM (SELECT NEW.*) AS sp_row
         WHERE (phone IS NOT NULL)
        ON CONFLICT (user_id) DO UPDATE
           SET phone = EXCLUDED.phone
         WHERE (sp_target.phone) IS DISTINCT FROM (EXCLUDED.phone);
    END IF;
    PERFORM set_config('schemaplan.copying', '', true);
    RETURN OLD;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_users_copy_user_phones ON public.users;
CREATE TRIGGER schemaplan_sync_users_copy_user_phones AFTER INSERT OR UPDATE ON public.users
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_users_copy_user_phones();
DROP TRIGGER IF EXISTS schemaplan_sync_users_copy_user_phones_delete ON public.users;
-- BEFORE: the target row goes before the source row, so a foreign key from it does not refuse the delete.
CREATE TRIGGER schemaplan_sync_users_copy_user_phones_delete BEFORE DELETE ON public.users
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_users_copy_user_phones();

-- The new version's writes to public.user_phones go back to phone of public.users, which the previous
-- version still reads; a deleted target row clears them there.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_user_phones_copy_back_users() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.copying', true) IN ('forward', 'backfill') THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('schemaplan.copying', 'reverse', true);
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND ROW(NEW.user_id) IS DISTINCT FROM ROW(OLD.user_id)) THEN
        UPDATE public.users
           SET phone = NULL
         WHERE (id) = (OLD.user_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE public.users
           SET phone = NEW.phone
         WHERE (id) = (NEW.user_id)
           AND ROW(phone) IS DISTINCT FROM ROW(NEW.phone);
    END IF;
    PERFORM set_config('schemaplan.copying', '', true);
    RETURN NULL;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_user_phones_copy_back_users ON public.user_phones;
CREATE TRIGGER schemaplan_sync_user_phones_copy_back_users AFTER INSERT OR UPDATE OR DELETE ON public.user_phones
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_user_phones_copy_back_users();

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
