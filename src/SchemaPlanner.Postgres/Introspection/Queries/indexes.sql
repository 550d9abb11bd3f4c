-- Indexes of tables and materialized views. Indexes that are partitions of a partitioned index are implied
-- by their parent and left out.
SELECT n.nspname, c.relname, ic.relname AS index_name,
       -- pg_get_indexdef looks up each key's default operator class by scanning the access method's classes, ~25 us
       -- an index (most of this query at 5,000 tables). A plain btree index on columns, each with the default class of
       -- its type and its own collation (keys.plain), with no INCLUDE, predicate, storage options or
       -- NULLS NOT DISTINCT (PostgreSQL 15+; false before), prints as this; anything else asks pg_get_indexdef
       -- (SchemaReaderTests compare the two on 20 indexes of every kind).
       CASE WHEN am.amname = 'btree' AND c.relkind = 'r' AND i.indexprs IS NULL AND i.indpred IS NULL AND ic.reloptions IS NULL
                 AND i.indnatts = i.indnkeyatts AND keys.plain AND NOT {{nulls_not_distinct}}
            THEN 'CREATE ' || CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || 'INDEX ' || quote_ident(ic.relname)
                 || ' ON ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' USING btree ('
                 || array_to_string(keys.spelled, ', ') || ')'
            ELSE pg_get_indexdef(i.indexrelid) END AS definition,
       am.amname,
       keys.keys,
       -- INCLUDE columns are always plain columns.
       ARRAY(SELECT quote_ident(a.attname)
             FROM generate_series(i.indnkeyatts + 1, i.indnatts) k
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
             ORDER BY k) AS include,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       i.indisunique, i.indisvalid,
       con.conname AS constraint_name
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
-- A key that is a plain column prints as its quoted name (pg_get_indexdef's column form is quote_identifier of
-- attname): only expressions need the per-column pg_get_indexdef. plain: every key is a column with its own
-- collation and the default operator class of its type (a varchar column's is text_ops, as long as no btree class is
-- the default for varchar itself), so pg_get_indexdef would print the key as its name and order options alone.
CROSS JOIN LATERAL (
    SELECT array_agg(CASE WHEN i.indkey[k - 1] <> 0 THEN quote_ident(a.attname) ELSE pg_get_indexdef(i.indexrelid, k, true) END ORDER BY k) AS keys,
           -- The key as the definition spells it when plain: btree's order options (indoption bit 1 DESC, bit 2 NULLS
           -- FIRST), printed only where they differ from the direction's default.
           array_agg(quote_ident(a.attname) || CASE i.indoption[k - 1] WHEN 1 THEN ' DESC NULLS LAST' WHEN 2 THEN ' NULLS FIRST' WHEN 3 THEN ' DESC' ELSE '' END ORDER BY k) AS spelled,
           coalesce(bool_and(coalesce(a.attnum IS NOT NULL AND i.indoption[k - 1] IN (0, 1, 2, 3) AND i.indcollation[k - 1] IN (0, a.attcollation)
                             AND opc.opcdefault
                             AND (opc.opcintype = a.atttypid
                                  OR (a.atttypid = 'pg_catalog.varchar'::regtype AND opc.opcintype = 'pg_catalog.text'::regtype
                                      AND (SELECT NOT EXISTS (SELECT 1 FROM pg_opclass d JOIN pg_am m ON m.oid = d.opcmethod
                                                              WHERE m.amname = 'btree' AND d.opcdefault AND d.opcintype = 'pg_catalog.varchar'::regtype)))),
                             false)),
                    false) AS plain
    FROM generate_series(1, i.indnkeyatts) k
    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
    LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k - 1]) keys
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3
