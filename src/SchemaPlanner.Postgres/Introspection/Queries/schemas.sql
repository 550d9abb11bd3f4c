-- User schemas (system and extension-owned ones left out). Privileges: grants to roles other than the owner.
SELECT n.nspname,
       ARRAY(SELECT coalesce(nullif(g.grantee::regrole::text, '-'), 'PUBLIC') || ':' || g.privilege_type || CASE WHEN g.is_grantable THEN '*' ELSE '' END
             FROM aclexplode(n.nspacl) g WHERE g.grantee <> n.nspowner ORDER BY 1) AS privileges
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
ORDER BY n.nspname
