-- User triggers on tables and views (INSTEAD OF); internal ones (constraint triggers of FKs) and clones on partitions are left out.
SELECT n.nspname, c.relname, tg.tgname, pg_get_triggerdef(tg.oid) AS definition, tg.tgenabled::text
FROM pg_trigger tg
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT tg.tgisinternal
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_trigger'::regclass AND d.objid = tg.oid AND d.deptype IN ('P', 'e'))
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1, 2, 3
