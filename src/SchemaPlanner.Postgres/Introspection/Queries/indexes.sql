-- Indexes of tables and materialized views. Indexes that are partitions of a partitioned index are implied
-- by their parent and left out.
SELECT n.nspname, c.relname, ic.relname AS index_name,
       pg_get_indexdef(i.indexrelid) AS definition,
       am.amname,
       -- A key that is a plain column prints as its quoted name (pg_get_indexdef's column form is quote_identifier
       -- of attname): only expressions need the per-column pg_get_indexdef, which costs as much as the whole definition.
       ARRAY(SELECT CASE WHEN i.indkey[k - 1] <> 0 THEN quote_ident(a.attname) ELSE pg_get_indexdef(i.indexrelid, k, true) END
             FROM generate_series(1, i.indnkeyatts) k
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
             ORDER BY k) AS keys,
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
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3
