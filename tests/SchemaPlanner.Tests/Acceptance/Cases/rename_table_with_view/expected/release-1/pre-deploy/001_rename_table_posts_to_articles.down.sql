-- SchemaPlanner: release 1, pre-deploy, down: rename public.posts to public.articles, leaving an updatable view under the old name
-- Serves: rename table public.posts to public.articles (with constraint posts_pkey -> articles_pkey, index posts_title_idx -> articles_title_idx, sequence posts_id_seq -> articles_id_seq)
-- Hazard SP1002 (BreaksRunningApp): renaming table public.posts to public.articles breaks the application version that still uses the old name
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
DROP VIEW IF EXISTS public.posts;
ALTER SEQUENCE public.articles_id_seq RENAME TO posts_id_seq;
ALTER INDEX public.articles_title_idx RENAME TO posts_title_idx;
ALTER TABLE public.articles RENAME CONSTRAINT articles_pkey TO posts_pkey;
ALTER TABLE public.articles RENAME TO posts;

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
