-- SchemaPlanner: release 1, backfill, up: backfill public.events: body := payload
-- Serves: rename column public.events.payload to body
-- Hazard SP2004 (BreaksRunningApp): renaming column public.events.payload to body breaks the application version that still uses the old name
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
-- Backfill of public.events: body := payload
-- The table has neither a primary key nor a unique index over NOT NULL columns, so the batches are ranges of
-- physical blocks (ctid >= '(b,0)' AND ctid < '(b+n,0)', a TID range scan), about 1000 rows each, each
-- committed on its own, with a 0 s pause between batches. The walk stops at the last block the table
-- had when it started: rows inserted later already went through the sync trigger (or the column's default). An
-- update can move a row still to do into a block already walked: while such rows remain, the walk starts over
-- (at most 3 walks; verify reports what is left). Only rows that still differ are updated: a killed run
-- resumes, a second run changes nothing.
DO $backfill$
DECLARE
    end_block bigint;
    block bigint;
    blocks bigint;
    sample bigint;
    walk integer := 0;
    changed bigint;
    retries integer;
    walked bigint := 0;
    updated bigint := 0;
    total bigint;
    pages bigint;
BEGIN
    SELECT greatest(reltuples::bigint, 0), relpages INTO total, pages FROM pg_class WHERE oid = 'public.events'::regclass;
    end_block := pg_relation_size('public.events'::regclass) / current_setting('block_size')::bigint;
    -- Blocks per batch: about 1000 rows at the density the statistics give, or the first blocks show.
    IF total > 0 AND pages > 0 THEN
        blocks := greatest(1, 1000 * pages / total);
    ELSE
        SELECT count(*) INTO sample FROM public.events WHERE ctid < '(10,0)'::tid;
        blocks := greatest(1, 1000 * least(10, end_block) / greatest(sample, 1));
    END IF;
    LOOP
        walk := walk + 1;
        block := 0;
        WHILE block < end_block LOOP
            -- Sync triggers stand aside: this backfill writes the new shape itself.
            PERFORM set_config('schemaplan.backfill', 'on', true);
            -- A batch that loses a deadlock or a lock wait to the application is retried, not the whole backfill.
            retries := 0;
            LOOP
                BEGIN
                    UPDATE public.events
                       SET body = (payload)
                     WHERE ctid >= format('(%s,0)', block)::tid
                       AND ctid < format('(%s,0)', block + blocks)::tid
                       AND (body IS DISTINCT FROM (payload));
                    GET DIAGNOSTICS changed = ROW_COUNT;
                    EXIT;
                EXCEPTION WHEN deadlock_detected OR lock_not_available THEN
                    retries := retries + 1;
                    IF retries >= 5 THEN
                        RAISE;
                    END IF;
                    RAISE NOTICE 'backfill public.events: batch lost a lock conflict (%), retry % of 5', SQLERRM, retries;
                    PERFORM pg_sleep(0.2 * retries);
                END;
            END LOOP;

            walked := walked + least(blocks, end_block - block);
            block := block + blocks;
            updated := updated + changed;
            COMMIT;
            RAISE NOTICE 'backfill public.events: walk %, block % of %, % updated', walk, least(block, end_block), end_block, updated;
            PERFORM pg_sleep(0);
        END LOOP;
        EXIT WHEN NOT EXISTS (SELECT 1 FROM public.events WHERE body IS DISTINCT FROM (payload));
        IF walk >= 3 THEN
            RAISE NOTICE 'backfill public.events: rows still to do after 3 walks (updates keep moving them); run it again';
            EXIT;
        END IF;
        RAISE NOTICE 'backfill public.events: updates moved rows still to do behind the walk; walking again';
        end_block := pg_relation_size('public.events'::regclass) / current_setting('block_size')::bigint;
    END LOOP;
    RAISE NOTICE 'backfill public.events done: % blocks walked, % updated', walked, updated;
END
$backfill$;
