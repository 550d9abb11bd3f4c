-- SchemaPlanner: release 1, backfill, up: backfill public.articles: body := text
-- Serves: rename column public.articles.text to body
-- Hazard SP2004 (BreaksRunningApp): renaming column public.articles.text to body breaks the application version that still uses the old name
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
-- Backfill of public.articles: body := text
-- Keyset batches of 5000 rows on (id), each committed on its own, with a
-- 0.05 s pause between batches. Only rows that still differ are updated: a killed run resumes,
-- a second run changes nothing.
DO $backfill$
DECLARE
    last_0 bigint;
    next_0 bigint;
    first_batch boolean := true;
    batch_rows bigint;
    changed bigint;
    scanned bigint := 0;
    updated bigint := 0;
    total bigint;
BEGIN
    SELECT greatest(reltuples::bigint, 0) INTO total FROM pg_class WHERE oid = 'public.articles'::regclass;
    LOOP
        -- Sync triggers stand aside: this backfill writes the new shape itself.
        PERFORM set_config('schemaplan.backfill', 'on', true);
        IF first_batch THEN
            SELECT b.id, b.n INTO next_0, batch_rows
              FROM (SELECT s.id, row_number() OVER (ORDER BY s.id) AS n
                      FROM (SELECT id FROM public.articles ORDER BY id LIMIT 5000) s) b
             ORDER BY b.n DESC LIMIT 1;
        ELSE
            SELECT b.id, b.n INTO next_0, batch_rows
              FROM (SELECT s.id, row_number() OVER (ORDER BY s.id) AS n
                      FROM (SELECT id FROM public.articles
                             WHERE (id) > (last_0)
                             ORDER BY id LIMIT 5000) s) b
             ORDER BY b.n DESC LIMIT 1;
        END IF;
        EXIT WHEN batch_rows IS NULL;

        -- Two statements rather than one with "first_batch OR key > last": a plan with that OR could not use
        -- the primary key's index to start at the batch.
        IF first_batch THEN
            UPDATE public.articles
               SET body = (text)
             WHERE (id) <= (next_0)
               AND (body IS DISTINCT FROM (text));
        ELSE
            UPDATE public.articles
               SET body = (text)
             WHERE (id) > (last_0)
               AND (id) <= (next_0)
               AND (body IS DISTINCT FROM (text));
        END IF;
        GET DIAGNOSTICS changed = ROW_COUNT;

        scanned := scanned + batch_rows;
        updated := updated + changed;
        last_0 := next_0;
        first_batch := false;
        COMMIT;
        RAISE NOTICE 'backfill public.articles: % rows scanned of ~%, % updated', scanned, total, updated;
        PERFORM pg_sleep(0.05);
    END LOOP;
    RAISE NOTICE 'backfill public.articles done: % rows scanned, % updated', scanned, updated;
END
$backfill$;
