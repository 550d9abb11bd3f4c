-- Columns of tables, views and materialized views, in attribute order. The default's volatility is the
-- strongest pg_proc.provolatile among the functions (and operators' functions) its expression tree calls.
SELECT n.nspname, c.relname, a.attname,
       format_type(a.atttypid, a.atttypmod) AS type,
       tn.nspname AS type_schema, bt.typname AS type_name,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
            THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END AS collation,
       a.attnotnull,
       -- A default cannot reference columns, so it needs no relation to deparse (cheaper).
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0) END AS default_expr,
       CASE WHEN a.attgenerated = '' AND ad.adbin IS NOT NULL THEN
         coalesce((SELECT max(p.provolatile::text)
                   FROM regexp_matches(ad.adbin::text, ':(?:funcid|opfuncid) (\d+)', 'g') m
                   JOIN pg_proc p ON p.oid = m[1]::oid), 'i') END AS default_volatility,
       a.attidentity::text,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expr,
       -- An identity's sequence options, only when they are not the defaults for the column's type.
       CASE WHEN s.seqrelid IS NOT NULL AND (s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle) IS DISTINCT FROM
                 (1::bigint, 1::bigint, 1::bigint,
                  CASE s.seqtypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END::bigint,
                  1::bigint, false)
            THEN ARRAY[s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle::int::bigint] END AS identity_options
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_type bt ON bt.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
JOIN pg_namespace tn ON tn.oid = bt.typnamespace
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
-- An identity's sequence depends internally ('i') on its column.
LEFT JOIN LATERAL (SELECT sq.* FROM pg_depend d JOIN pg_sequence sq ON sq.seqrelid = d.objid
                   WHERE a.attidentity <> '' AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                     AND d.refobjid = c.oid AND d.refobjsubid = a.attnum AND d.deptype = 'i'
                   LIMIT 1) s ON true
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, a.attnum
