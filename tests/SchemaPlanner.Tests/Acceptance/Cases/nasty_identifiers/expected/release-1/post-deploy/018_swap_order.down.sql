-- SchemaPlanner: release 1, post-deploy, down: swap public."Order Items"."order" to the new type bigint in one short transaction
-- Serves: alter column public."Order Items"."order": type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public."Order Items"."order" from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public."Order Items"."order" from integer to bigint rewrites public."Order Items" and its indexes under an ACCESS EXCLUSIVE lock
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
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'public."Order Items"'::regclass AND attname = 'order_sp_old' AND NOT attisdropped) THEN
        RAISE NOTICE 'already swapped, nothing to do';
        RETURN;
    END IF;
DROP TRIGGER IF EXISTS "schemaplan_sync_Order Items_retired_order" ON public."Order Items";
DROP FUNCTION IF EXISTS public."schemaplan_sync_Order Items_retired_order"();
LOCK TABLE public."Order Items" IN ACCESS EXCLUSIVE MODE;
ALTER INDEX public."Order Items by order" RENAME TO "Order Items by order_sp_new";
ALTER INDEX public."Order Items by order_sp_old" RENAME TO "Order Items by order";
ALTER TABLE public."Order Items" ALTER COLUMN "order" DROP DEFAULT;
ALTER TABLE public."Order Items" RENAME COLUMN "order" TO order_sp_new;
ALTER TABLE public."Order Items" RENAME COLUMN order_sp_old TO "order";
ALTER TABLE public."Order Items" ALTER COLUMN "order" SET NOT NULL;
-- Keeps the old shape (order) and the new shape (order_sp_new) of public."Order Items" in step
-- while both app versions run. It only assigns NEW (never UPDATEs), so it cannot loop, and it stands aside
-- while a backfill (schemaplan.backfill = on) fills the new shape itself.
CREATE OR REPLACE FUNCTION public."schemaplan_sync_Order Items_type_order"() RETURNS trigger
LANGUAGE plpgsql AS $sync$
BEGIN
    IF current_setting('schemaplan.backfill', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.order_sp_new IS NULL THEN
            -- written through the old shape
            SELECT ("order"::bigint)
              INTO NEW.order_sp_new
              FROM (SELECT NEW.*) AS sp_row;
        ELSIF NEW."order" IS NULL THEN
            -- written through the new shape
            SELECT (order_sp_new::integer)
              INTO NEW."order"
              FROM (SELECT NEW.*) AS sp_row;
        END IF;
    ELSIF (NEW."order" IS DISTINCT FROM OLD."order")
          AND NOT (NEW.order_sp_new IS DISTINCT FROM OLD.order_sp_new) THEN
        -- updated through the old shape
            SELECT ("order"::bigint)
              INTO NEW.order_sp_new
              FROM (SELECT NEW.*) AS sp_row;
    ELSIF (NEW.order_sp_new IS DISTINCT FROM OLD.order_sp_new)
          AND NOT (NEW."order" IS DISTINCT FROM OLD."order") THEN
        -- updated through the new shape
            SELECT (order_sp_new::integer)
              INTO NEW."order"
              FROM (SELECT NEW.*) AS sp_row;
    END IF;
    RETURN NEW;
END
$sync$;

DROP TRIGGER IF EXISTS "schemaplan_sync_Order Items_type_order" ON public."Order Items";
CREATE TRIGGER "schemaplan_sync_Order Items_type_order" BEFORE INSERT OR UPDATE ON public."Order Items"
    FOR EACH ROW EXECUTE FUNCTION public."schemaplan_sync_Order Items_type_order"();
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
