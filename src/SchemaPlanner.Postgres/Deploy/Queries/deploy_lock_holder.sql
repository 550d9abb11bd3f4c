SELECT string_agg(pid::text, ', ') FROM pg_locks
WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND classid::bigint = {{classid}} AND objid::bigint = {{objid}} AND objsubid = 1
