SELECT l.k::text, l.w, l.d, e.expected::text, e.actual::text
FROM {{ledger}} l
LEFT JOIN (SELECT 1 AS sp_present, * FROM {{table}}) t ON {{join}}
CROSS JOIN LATERAL (SELECT
    CASE WHEN t.sp_present IS NULL THEN NULL
         WHEN l.w = 'old' THEN {{actual_from_old}}
         ELSE {{actual_from_new}} END AS actual,
    CASE WHEN l.w = 'old' THEN {{expected_from_old}}
         ELSE {{expected_from_new}} END AS expected) e
WHERE (l.d AND t.sp_present IS NOT NULL)
   OR (NOT l.d AND t.sp_present IS NULL)
   OR (NOT l.d AND ($1 OR l.w = {{reader}}) AND e.actual IS DISTINCT FROM e.expected)
LIMIT 3
