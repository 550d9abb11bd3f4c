-- Views and materialized views with the relations their query reads (from the rewrite rule's dependencies).
SELECT n.nspname, c.relname, c.relkind::text,
       pg_get_viewdef(c.oid) AS definition,
       ARRAY(SELECT DISTINCT rn.nspname || E'\x1f' || rc.relname
             FROM pg_rewrite r
             JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
             JOIN pg_class rc ON rc.oid = d.refobjid
             JOIN pg_namespace rn ON rn.oid = rc.relnamespace
             WHERE r.ev_class = c.oid AND d.refobjid <> c.oid) AS depends_on,
       ARRAY(SELECT coalesce(nullif(g.grantee::regrole::text, '-'), 'PUBLIC') || ':' || g.privilege_type || CASE WHEN g.is_grantable THEN '*' ELSE '' END
             FROM aclexplode(c.relacl) g WHERE g.grantee <> c.relowner ORDER BY 1) AS privileges
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2
