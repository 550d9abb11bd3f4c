-- Tables: regular ('r') and partitioned ('p'); partition key and bound, inheritance parents, RLS, grants.
SELECT n.nspname, c.relname, c.relkind::text, c.relpersistence::text,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relispartition THEN pn.nspname END AS parent_schema,
       CASE WHEN c.relispartition THEN pc.relname END AS parent_name,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       ARRAY(SELECT quote_ident(inn.nspname) || '.' || quote_ident(inc.relname)
             FROM pg_inherits i JOIN pg_class inc ON inc.oid = i.inhparent JOIN pg_namespace inn ON inn.oid = inc.relnamespace
             WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno) AS inherits,
       ARRAY(SELECT inn.nspname || E'\x1f' || inc.relname
             FROM pg_inherits i JOIN pg_class inc ON inc.oid = i.inhparent JOIN pg_namespace inn ON inn.oid = inc.relnamespace
             WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno) AS inherits_raw,
       c.relrowsecurity, c.relforcerowsecurity,
       ARRAY(SELECT coalesce(nullif(g.grantee::regrole::text, '-'), 'PUBLIC') || ':' || g.privilege_type || CASE WHEN g.is_grantable THEN '*' ELSE '' END
             FROM aclexplode(c.relacl) g WHERE g.grantee <> c.relowner ORDER BY 1) AS privileges,
       c.reltuples::bigint AS estimated_rows,
       -- Size from the planner's page counts (table, TOAST, indexes): pg_total_relation_size stats every file
       -- and dominated this query on large schemas.
       (c.relpages::bigint + coalesce(t.relpages, 0)
        + coalesce((SELECT sum(ic.relpages) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid), 0))
       * current_setting('block_size')::bigint AS size_bytes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
LEFT JOIN pg_inherits pi ON c.relispartition AND pi.inhrelid = c.oid
LEFT JOIN pg_class pc ON pc.oid = pi.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2
