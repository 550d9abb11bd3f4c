-- Comments on user objects, named the way COMMENT ON names them.
SELECT o.type, o.identity, d.description
FROM pg_description d
CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) o
WHERE o.schema IS DISTINCT FROM 'pg_catalog' AND o.schema IS DISTINCT FROM 'information_schema'
  AND o.type IN ('table', 'table column', 'view', 'view column', 'materialized view', 'index', 'sequence', 'type',
                 'domain', 'function', 'procedure', 'schema', 'table constraint', 'trigger', 'policy', 'extension')
  AND NOT (o.type = 'schema' AND (o.identity IN ('pg_catalog', 'information_schema') OR o.identity LIKE 'pg\_%'))
  AND NOT (o.type = 'schema' AND o.identity = 'public' AND d.description = 'standard public schema')
  AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = d.classoid AND dep.objid = d.objoid AND dep.deptype = 'e')
  AND NOT (o.type = 'extension')
ORDER BY 1, 2
