-- SchemaPlanner: release 1, backfill, up: backfill public.projects: slug := path
-- Serves: rename column public.projects.path to slug (with index projects_path_idx -> projects_slug_idx)
-- Hazard SP2004 (BreaksRunningApp): renaming column public.projects.path to slug breaks the application version that still uses the old name
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
-- Backfill of public.projects: slug := path
-- Keyset batches of 1000 rows on (id), each committed on its own, with a
-- 0.1 s pause between batches. Only rows that still differ are updated: a killed run resumes,
-- a second run changes nothing. The walk stops at the last key the table had when it started: rows inserted
-- later already went through the sync trigger (or the column's default), so chasing them would only keep a
-- backfill under steady inserts from ever finishing.
DO $backfill$
DECLARE
    last_0 bigint;
    next_0 bigint;
    end_0 bigint;
    first_batch boolean := true;
    lost text;
    batch_rows bigint;
    changed bigint;
    retries integer;
    scanned bigint := 0;
    updated bigint := 0;
    total bigint;
BEGIN
    SELECT greatest(reltuples::bigint, 0) INTO total FROM pg_class WHERE oid = 'public.projects'::regclass;
    SELECT id INTO end_0 FROM public.projects ORDER BY id DESC LIMIT 1;
    IF NOT FOUND THEN
        RAISE NOTICE 'backfill public.projects done: 0 rows scanned, 0 updated';
        RETURN;
    END IF;
    LOOP
        -- Sync triggers stand aside: this backfill writes the new shape itself.
        PERFORM set_config('schemaplan.backfill', 'on', true);
        IF first_batch THEN
            SELECT b.id, b.n INTO next_0, batch_rows
              FROM (SELECT s.id, row_number() OVER (ORDER BY s.id) AS n
                      FROM (SELECT id FROM public.projects
                             WHERE (id) <= (end_0)
                             ORDER BY id LIMIT 1000) s) b
             ORDER BY b.n DESC LIMIT 1;
        ELSE
            SELECT b.id, b.n INTO next_0, batch_rows
              FROM (SELECT s.id, row_number() OVER (ORDER BY s.id) AS n
                      FROM (SELECT id FROM public.projects
                             WHERE (id) > (last_0)
                               AND (id) <= (end_0)
                             ORDER BY id LIMIT 1000) s) b
             ORDER BY b.n DESC LIMIT 1;
        END IF;
        EXIT WHEN batch_rows IS NULL;

        -- A batch that loses a deadlock or a lock wait to the application is retried, not the whole backfill.
        retries := 0;
        LOOP
            BEGIN
                -- Two statements rather than one with "first_batch OR key > last": a plan with that OR could not use
                -- the primary key's index to start at the batch.
                IF first_batch THEN
                    UPDATE public.projects
                       SET slug = (path)
                     WHERE (id) <= (next_0)
                       AND (slug IS DISTINCT FROM (path));
                ELSE
                    UPDATE public.projects
                       SET slug = (path)
                     WHERE (id) > (last_0)
                       AND (id) <= (next_0)
                       AND (slug IS DISTINCT FROM (path));
                END IF;
                GET DIAGNOSTICS changed = ROW_COUNT;
                EXIT;
            EXCEPTION WHEN deadlock_detected OR lock_not_available THEN
                retries := retries + 1;
                IF retries >= 5 THEN
                    RAISE;
                END IF;
                RAISE NOTICE 'backfill public.projects: batch lost a lock conflict (%), retry % of 5', SQLERRM, retries;
                PERFORM pg_sleep(0.2 * retries);
            END;
        END LOOP;

        scanned := scanned + batch_rows;
        updated := updated + changed;
        last_0 := next_0;
        first_batch := false;
        COMMIT;
        RAISE NOTICE 'backfill public.projects: % rows scanned of ~%, % updated', scanned, total, updated;
        PERFORM pg_sleep(0.1);
    END LOOP;
    RAISE NOTICE 'backfill public.projects done: % rows scanned, % updated', scanned, updated;
END
$backfill$;
