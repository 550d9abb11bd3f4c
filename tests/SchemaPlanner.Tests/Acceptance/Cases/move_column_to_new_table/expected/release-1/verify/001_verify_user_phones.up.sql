-- SchemaPlanner: release 1, verify, up: verify every row of public.users WHERE phone IS NOT NULL has its row in public.user_phones
-- Serves: create table public.user_phones
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every row of public.users WHERE phone IS NOT NULL has its row in
-- public.user_phones with the values the copy gives (phone). It runs before anything is dropped.
DO $verify$
DECLARE
    missing bigint;
    different bigint;
    example text;
BEGIN
    SELECT count(*) FILTER (WHERE sp_target.sp_present IS NULL),
           count(*) FILTER (WHERE sp_target.sp_present AND ROW(sp_target.phone) IS DISTINCT FROM ROW(sp_copy.phone)),
           min(ROW(sp_copy.user_id)::text) FILTER (WHERE sp_target.sp_present IS NULL OR ROW(sp_target.phone) IS DISTINCT FROM ROW(sp_copy.phone))
      INTO missing, different, example
      FROM (SELECT (id) AS user_id, (phone) AS phone
              FROM public.users
             WHERE (phone IS NOT NULL)) AS sp_copy
      LEFT JOIN (SELECT true AS sp_present, * FROM public.user_phones) AS sp_target
        ON (sp_target.user_id) = (sp_copy.user_id);
    IF missing > 0 OR different > 0 THEN
        RAISE EXCEPTION 'verify failed: % row(s) of public.users have no row in public.user_phones and % have different values (first key %); re-run the backfill', missing, different, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.user_phones: every row of public.users was copied';
END
$verify$;
