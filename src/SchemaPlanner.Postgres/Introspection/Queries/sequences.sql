-- Identity sequences (dependency type 'i') belong to their column and are left out.
SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
       own_n.nspname AS owner_schema, own_c.relname AS owner_table, own_a.attname AS owner_column,
       ARRAY(SELECT coalesce(nullif(g.grantee::regrole::text, '-'), 'PUBLIC') || ':' || g.privilege_type || CASE WHEN g.is_grantable THEN '*' ELSE '' END
             FROM aclexplode(c.relacl) g WHERE g.grantee <> c.relowner ORDER BY 1) AS privileges
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.refclassid = 'pg_class'::regclass AND dep.deptype = 'a'
LEFT JOIN pg_class own_c ON own_c.oid = dep.refobjid
LEFT JOIN pg_namespace own_n ON own_n.oid = own_c.relnamespace
LEFT JOIN pg_attribute own_a ON own_a.attrelid = dep.refobjid AND own_a.attnum = dep.refobjsubid
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2
