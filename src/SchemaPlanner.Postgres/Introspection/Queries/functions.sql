-- Functions and procedures, not those a type owns (range constructors, deptype 'i'). (Aggregates and window functions are reported as unsupported). A NULL ACL means
-- the default one, which grants EXECUTE to PUBLIC: made explicit so revoking it is a visible difference.
SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid) AS arguments,
       CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind,
       coalesce(pg_get_function_result(p.oid), '') AS result,
       l.lanname, p.provolatile::text,
       pg_get_functiondef(p.oid) AS definition,
       ARRAY(SELECT coalesce(nullif(g.grantee::regrole::text, '-'), 'PUBLIC') || ':' || g.privilege_type || CASE WHEN g.is_grantable THEN '*' ELSE '' END
             FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) g WHERE g.grantee <> p.proowner ORDER BY 1) AS privileges
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2, 3
