-- Object kinds the model does not cover, so they are reported instead of silently ignored.
SELECT kind, name FROM (
  SELECT 'foreign table' AS kind, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, n.nspname AS nsp, c.oid AS oid, 'pg_class'::regclass AS cls
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'f'
  UNION ALL
  SELECT 'base type', quote_ident(n.nspname) || '.' || quote_ident(t.typname), n.nspname, t.oid, 'pg_type'::regclass
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE t.typtype = 'b' AND t.typcategory <> 'A'
  UNION ALL
  SELECT 'window function',
         quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', n.nspname, p.oid, 'pg_proc'::regclass
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind = 'w'
  UNION ALL
  SELECT 'operator', quote_ident(n.nspname) || '.' || o.oprname, n.nspname, o.oid, 'pg_operator'::regclass
  FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
  UNION ALL
  SELECT 'rule', quote_ident(r.rulename) || ' on ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname), n.nspname, r.oid, 'pg_rewrite'::regclass
  FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace WHERE r.rulename <> '_RETURN'
  UNION ALL
  SELECT 'event trigger', quote_ident(e.evtname), 'x', e.oid, 'pg_event_trigger'::regclass FROM pg_event_trigger e
  UNION ALL
  SELECT 'publication', quote_ident(pb.pubname), 'x', pb.oid, 'pg_publication'::regclass FROM pg_publication pb
  UNION ALL
  SELECT 'text search configuration', quote_ident(n.nspname) || '.' || quote_ident(cf.cfgname), n.nspname, cf.oid, 'pg_ts_config'::regclass
  FROM pg_ts_config cf JOIN pg_namespace n ON n.oid = cf.cfgnamespace
) o
WHERE o.nsp NOT IN ('pg_catalog', 'information_schema') AND o.nsp NOT LIKE 'pg\_toast%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = o.cls AND d.objid = o.oid AND d.deptype = 'e')
ORDER BY 1, 2
