-- Which object needs which, from pg_depend (a view's rewrite rule, a function's argument and result types and a
-- SQL-standard body, a domain's base type and CHECK functions, a default's functions and sequences, a foreign key's
-- referenced index, ...): normal and automatic dependencies between objects of the model, each side named as the
-- model names it. Internal dependencies say that one object is part of another (a table's row type, an array type,
-- a view's rule, a constraint's index) and are folded into the naming instead. Ownership of a sequence by a
-- column is a setting (OWNED BY), not an order, and is left out.
WITH kind_order (kinds) AS (
    -- ObjectKind's order, which the result is sorted by (see the end).
    SELECT ARRAY['table', 'view', 'column', 'default', 'constraint', 'index', 'trigger', 'policy', 'sequence', 'type', 'function', 'collation']
), extension_member AS MATERIALIZED (
    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
), rel AS (
    SELECT c.oid, c.relkind, n.nspname, c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
), named_type AS (
    -- A table's or view's row type is the relation; a composite type, domain, enum or range is a type.
    SELECT t.oid,
           CASE WHEN r.relkind IN ('r', 'p', 'f') THEN 'table' WHEN r.relkind IN ('v', 'm') THEN 'view' ELSE 'type' END AS kind,
           n.nspname, t.typname::text AS name
    FROM pg_type t
    JOIN pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN rel r ON r.oid = t.typrelid
    WHERE t.typtype IN ('c', 'd', 'e', 'r')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
), objects (classid, objid, objsubid, kind, nspname, name, member) AS (
    SELECT 'pg_class'::regclass, r.oid, 0,
           CASE WHEN r.relkind IN ('r', 'p', 'f') THEN 'table' WHEN r.relkind IN ('v', 'm') THEN 'view'
                WHEN r.relkind = 'S' THEN 'sequence' ELSE 'type' END,
           r.nspname, r.relname::text, NULL::text
    FROM rel r WHERE r.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'c')
    UNION ALL
    SELECT 'pg_class'::regclass, a.attrelid, a.attnum, 'column', r.nspname, r.relname::text, a.attname::text
    FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid
    WHERE r.relkind IN ('r', 'p', 'f', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    -- An index that implements a primary key, unique or exclusion constraint is that constraint.
    SELECT 'pg_class'::regclass, i.indexrelid, 0,
           CASE WHEN con.oid IS NULL THEN 'index' ELSE 'constraint' END,
           r.nspname, r.relname::text, coalesce(con.conname, ic.relname)::text
    FROM pg_index i
    JOIN rel r ON r.oid = i.indrelid
    JOIN pg_class ic ON ic.oid = i.indexrelid
    LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
    UNION ALL
    SELECT 'pg_attrdef'::regclass, d.oid, 0, 'default', r.nspname, r.relname::text, a.attname::text
    FROM pg_attrdef d
    JOIN rel r ON r.oid = d.adrelid
    JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
    UNION ALL
    -- A domain's CHECK is a member of the domain (kind type, member its name), as a table's is of the table.
    SELECT 'pg_constraint'::regclass, con.oid, 0,
           CASE WHEN con.contypid <> 0 THEN 'type' ELSE 'constraint' END,
           coalesce(r.nspname, dt.nspname), coalesce(r.relname::text, dt.name),
           con.conname::text
    FROM pg_constraint con
    LEFT JOIN rel r ON r.oid = con.conrelid AND con.conrelid <> 0
    LEFT JOIN named_type dt ON dt.oid = con.contypid AND con.contypid <> 0
    WHERE r.oid IS NOT NULL OR dt.oid IS NOT NULL
    UNION ALL
    SELECT 'pg_type'::regclass, t.oid, 0, t.kind, t.nspname, t.name, NULL FROM named_type t
    UNION ALL
    -- An array type stands for its element type.
    SELECT 'pg_type'::regclass, a.oid, 0, t.kind, t.nspname, t.name, NULL
    FROM pg_type a JOIN named_type t ON t.oid = a.typelem
    WHERE a.typcategory = 'A'
    UNION ALL
    SELECT 'pg_rewrite'::regclass, w.oid, 0, 'view', r.nspname, r.relname::text, NULL
    FROM pg_rewrite w JOIN rel r ON r.oid = w.ev_class
    WHERE w.rulename = '_RETURN'
    UNION ALL
    SELECT 'pg_proc'::regclass, p.oid, 0, 'function', n.nspname, p.proname::text, pg_get_function_identity_arguments(p.oid)
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    UNION ALL
    SELECT 'pg_trigger'::regclass, g.oid, 0, 'trigger', r.nspname, r.relname::text, g.tgname::text
    FROM pg_trigger g JOIN rel r ON r.oid = g.tgrelid
    WHERE NOT g.tgisinternal
    UNION ALL
    SELECT 'pg_policy'::regclass, p.oid, 0, 'policy', r.nspname, r.relname::text, p.polname::text
    FROM pg_policy p JOIN rel r ON r.oid = p.polrelid
    UNION ALL
    SELECT 'pg_collation'::regclass, c.oid, 0, 'collation', n.nspname, c.collname::text, NULL
    FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
)
-- In the model's order (Dependency.CompareTo: kinds in ObjectKind's order, names by code point, no member first),
-- so normalising the model finds them sorted and skips the sort (55,000 of them at 5,000 tables); the ranks are
-- output columns so that DISTINCT and ORDER BY share one sort.
SELECT DISTINCT a.kind, a.nspname::text COLLATE "C", a.name COLLATE "C", a.member COLLATE "C",
       b.kind, b.nspname::text COLLATE "C", b.name COLLATE "C", b.member COLLATE "C",
       array_position(o.kinds, a.kind) AS kind_rank,
       array_position(o.kinds, b.kind) AS ref_kind_rank
FROM pg_depend d
CROSS JOIN kind_order o
JOIN objects a ON a.classid = d.classid AND a.objid = d.objid AND a.objsubid = d.objsubid
JOIN objects b ON b.classid = d.refclassid AND b.objid = d.refobjid AND b.objsubid = d.refobjsubid
WHERE d.deptype IN ('n', 'a')
  AND NOT (a.kind = 'sequence' AND b.kind = 'column')
  AND (a.kind, a.nspname, a.name, coalesce(a.member, '')) IS DISTINCT FROM (b.kind, b.nspname, b.name, coalesce(b.member, ''))
  AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = d.classid AND e.objid = d.objid)
  AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = d.refclassid AND e.objid = d.refobjid)
ORDER BY kind_rank, 2, 3, 4 NULLS FIRST, ref_kind_rank, 6, 7, 8 NULLS FIRST
