SELECT ROW({{keys}})::text, to_jsonb(sp_copy)::text, to_jsonb(t)::text
FROM (SELECT {{copied}} FROM {{source}} WHERE ({{filter}})) sp_copy
JOIN {{target}} t ON ({{target_keys}}) = ({{keys}})
WHERE ROW({{target_values}}) IS DISTINCT FROM ROW({{copied_values}})
LIMIT 1
