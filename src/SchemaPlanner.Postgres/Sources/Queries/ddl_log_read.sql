WITH made AS (
    SELECT DISTINCT ON (classid, objid, objsubid) statement, classid, objid, objsubid
    FROM schemaplan_ddl_log.commands
    WHERE objid IS NOT NULL AND command_tag NOT IN ('COMMENT', 'GRANT', 'REVOKE', 'SECURITY LABEL')
    ORDER BY classid, objid, objsubid, statement
), commented AS (
    SELECT DISTINCT ON (classid, objid, objsubid) statement, classid, objid, objsubid
    FROM schemaplan_ddl_log.commands
    WHERE objid IS NOT NULL AND command_tag = 'COMMENT'
    ORDER BY classid, objid, objsubid, statement
), index_owners AS MATERIALIZED (
    SELECT k.conindid AS index_oid, tn.nspname::text AS owner_schema, t.relname::text AS owner_name,
           ARRAY[k.conname::text] AS columns
    FROM pg_constraint k
    JOIN pg_class t ON t.oid = k.conrelid
    JOIN pg_namespace tn ON tn.oid = t.relnamespace
    WHERE k.contype IN ('p', 'u', 'x') AND k.conindid <> 0
), members AS (
    -- First seen wins: a column or constraint belongs to the first command on its table (or domain) that saw it,
    -- not to later ALTERs. Column numbers only grow, so a column was there once max_attnum reached it.
    (SELECT DISTINCT ON (a.attrelid, a.attnum) l.statement, 'pg_class'::regclass::oid AS classid, a.attrelid AS objid,
            a.attnum::int AS objsubid
     FROM schemaplan_ddl_log.commands l
     JOIN pg_class r ON r.oid = l.relation AND r.relkind IN ('r', 'p', 'f', 'v', 'm', 'c')
     JOIN pg_attribute a ON a.attrelid = l.relation AND a.attnum > 0 AND a.attnum <= l.max_attnum AND NOT a.attisdropped
     ORDER BY a.attrelid, a.attnum, l.statement)
    UNION ALL
    (SELECT DISTINCT ON (k.oid) l.statement, 'pg_constraint'::regclass::oid, k.oid, 0
     FROM schemaplan_ddl_log.commands l CROSS JOIN LATERAL unnest(l.constraints) k(oid)
     ORDER BY k.oid, l.statement)
)
SELECT m.statement, 'relation', n.nspname::text, c.relname::text, coalesce(io.owner_schema, so.owner_schema),
       coalesce(io.owner_name, so.owner_name), c.relkind::text, coalesce(io.columns, so.columns, '{}')
FROM made m
JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid AND m.objsubid = 0
JOIN pg_namespace n ON n.oid = c.relnamespace
-- An index is a constraint's when a primary key, unique or exclusion constraint names it: joined whole, because
-- pg_constraint has no index on conindid and a probe per index would scan it once per index.
LEFT JOIN index_owners io ON io.index_oid = c.oid AND c.relkind IN ('i', 'I')
LEFT JOIN LATERAL (
    SELECT tn.nspname::text AS owner_schema, t.relname::text AS owner_name, ARRAY[a.attname::text] AS columns
    FROM pg_depend d
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_namespace tn ON tn.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
      AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
    LIMIT 1
) so ON c.relkind = 'S'
UNION ALL
SELECT m.statement, 'type', n.nspname::text, t.typname::text, NULL, NULL, t.typtype::text, '{}'
FROM made m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
JOIN pg_namespace n ON n.oid = t.typnamespace
UNION ALL
SELECT m.statement, 'function', n.nspname::text, p.proname::text, NULL, NULL, NULL, '{}'
FROM made m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
JOIN pg_namespace n ON n.oid = p.pronamespace
UNION ALL
SELECT m.statement, 'schema', s.nspname::text, s.nspname::text, NULL, NULL, NULL, '{}'
FROM made m JOIN pg_namespace s ON m.classid = 'pg_namespace'::regclass AND s.oid = m.objid
UNION ALL
SELECT m.statement, 'extension', n.nspname::text, e.extname::text, NULL, NULL, NULL, '{}'
FROM made m JOIN pg_extension e ON m.classid = 'pg_extension'::regclass AND e.oid = m.objid
JOIN pg_namespace n ON n.oid = e.extnamespace
UNION ALL
SELECT m.statement, 'trigger', n.nspname::text, g.tgname::text, n.nspname::text, t.relname::text, NULL, '{}'
FROM made m JOIN pg_trigger g ON m.classid = 'pg_trigger'::regclass AND g.oid = m.objid
JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
UNION ALL
SELECT m.statement, 'policy', n.nspname::text, p.polname::text, n.nspname::text, t.relname::text, NULL, '{}'
FROM made m JOIN pg_policy p ON m.classid = 'pg_policy'::regclass AND p.oid = m.objid
JOIN pg_class t ON t.oid = p.polrelid JOIN pg_namespace n ON n.oid = t.relnamespace
UNION ALL
SELECT m.statement, 'column', n.nspname::text, a.attname::text, n.nspname::text, t.relname::text, NULL, '{}'
FROM members m
JOIN pg_attribute a ON m.classid = 'pg_class'::regclass AND a.attrelid = m.objid AND a.attnum = m.objsubid AND NOT a.attisdropped
JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
UNION ALL
SELECT m.statement, 'constraint', n.nspname::text, k.conname::text, n.nspname::text, coalesce(t.relname, d.typname)::text, k.contype::text,
       ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord)
FROM members m
JOIN pg_constraint k ON m.classid = 'pg_constraint'::regclass AND k.oid = m.objid
LEFT JOIN pg_class t ON t.oid = k.conrelid
LEFT JOIN pg_type d ON d.oid = k.contypid
JOIN pg_namespace n ON n.oid = coalesce(t.relnamespace, d.typnamespace)
UNION ALL
-- ALTER TABLE ... ADD PRIMARY KEY does not report the index it builds: take it from the constraint.
SELECT m.statement, 'relation', n.nspname::text, i.relname::text, n.nspname::text, t.relname::text, i.relkind::text,
       ARRAY[k.conname::text]
FROM members m
JOIN pg_constraint k ON m.classid = 'pg_constraint'::regclass AND k.oid = m.objid AND k.contype IN ('p', 'u', 'x')
JOIN pg_class i ON i.oid = k.conindid
JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
UNION ALL
SELECT m.statement, 'comment', o.type, o.identity, NULL, NULL, NULL, '{}'
FROM commented m CROSS JOIN LATERAL pg_identify_object(m.classid, m.objid, m.objsubid) o
WHERE o.identity IS NOT NULL
ORDER BY 1, 2, 3, 4
