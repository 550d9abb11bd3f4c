-- SchemaPlanner: release 1, post-deploy, down: swap public.events.target_id to the new type bigint in one short transaction
-- Serves: alter column public.events.target_id: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.events.target_id from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.events.target_id from integer to bigint rewrites public.events and its indexes under an ACCESS EXCLUSIVE lock
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
-- Does nothing when it already ran (renames have no IF EXISTS form).
DO $swap$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'public.events'::regclass AND attname = 'target_id_sp_old' AND NOT attisdropped) THEN
        RAISE NOTICE 'already swapped, nothing to do';
        RETURN;
    END IF;
DROP TRIGGER IF EXISTS schemaplan_sync_events_retired_target_id ON public.events;
DROP FUNCTION IF EXISTS public.schemaplan_sync_events_retired_target_id();
LOCK TABLE public.events IN ACCESS EXCLUSIVE MODE;
ALTER INDEX public.events_target_id_idx RENAME TO events_target_id_idx_sp_new;
ALTER INDEX public.events_target_id_idx_sp_old RENAME TO events_target_id_idx;
ALTER TABLE public.events ALTER COLUMN target_id DROP DEFAULT;
ALTER TABLE public.events RENAME COLUMN target_id TO target_id_sp_new;
ALTER TABLE public.events RENAME COLUMN target_id_sp_old TO target_id;
ALTER TABLE public.events ALTER COLUMN target_id SET NOT NULL;
-- Keeps the old shape (target_id) and the new shape (target_id_sp_new) of public.events in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public.schemaplan_sync_events_type_target_id() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.target_id_sp_new IS NULL THEN
            -- written through the old shape
            SELECT (target_id::bigint)
              INTO NEW.target_id_sp_new
              FROM (SELECT NEW.*) AS sp_row;
        ELSIF NEW.target_id IS NULL THEN
            -- written through the new shape
            SELECT (target_id_sp_new::integer)
              INTO NEW.target_id
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    ELSIF (NEW.target_id IS DISTINCT FROM OLD.target_id)
          AND NOT (NEW.target_id_sp_new IS DISTINCT FROM OLD.target_id_sp_new) THEN
        -- updated through the old shape
            SELECT (target_id::bigint)
              INTO NEW.target_id_sp_new
              FROM (SELECT NEW.*) AS sp_row;
    ELSIF (NEW.target_id_sp_new IS DISTINCT FROM OLD.target_id_sp_new)
          AND NOT (NEW.target_id IS DISTINCT FROM OLD.target_id) THEN
        -- updated through the new shape
            SELECT (target_id_sp_new::integer)
              INTO NEW.target_id
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS schemaplan_sync_events_type_target_id ON public.events;
CREATE TRIGGER schemaplan_sync_events_type_target_id BEFORE INSERT OR UPDATE ON public.events
    FOR EACH ROW EXECUTE FUNCTION public.schemaplan_sync_events_type_target_id();
END
$swap$;

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
