-- Range types. Options equal to PostgreSQL's defaults come back NULL: the subtype's default operator class and
-- collation, and the multirange name PostgreSQL derives. rngmultitypid (PostgreSQL 14+) is read through jsonb so the
-- query also runs on 12 and 13, where it is NULL.
SELECT n.nspname, t.typname,
       format_type(r.rngsubtype, NULL) AS subtype,
       sn.nspname AS subtype_schema, st.typname AS subtype_name,
       CASE WHEN NOT oc.opcdefault THEN quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END AS opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
            THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END AS collation,
       CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END AS canonical,
       CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,
       CASE WHEN mt.oid IS NOT NULL AND (mt.typnamespace <> t.typnamespace OR mt.typname <>
              CASE WHEN position('range' IN t.typname) > 0 THEN overlay(t.typname PLACING 'multirange' FROM position('range' IN t.typname) FOR 5)
                   ELSE t.typname || '_multirange' END)
            THEN quote_ident(mn.nspname) || '.' || quote_ident(mt.typname) END AS multirange
FROM pg_range r
JOIN pg_type t ON t.oid = r.rngtypid
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type st ON st.oid = r.rngsubtype
JOIN pg_namespace sn ON sn.oid = st.typnamespace
JOIN pg_opclass oc ON oc.oid = r.rngsubopc
JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
LEFT JOIN pg_collation co ON co.oid = r.rngcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_type mt ON mt.oid = (to_jsonb(r) ->> 'rngmultitypid')::oid
LEFT JOIN pg_namespace mn ON mn.oid = mt.typnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2
