SELECT count(*) = 1002 FROM issues;
SELECT bool_and(indisvalid) FROM pg_index WHERE indrelid = 'issues'::regclass;
SELECT count(*) = 4 FROM pg_index WHERE indrelid = 'issues'::regclass;
