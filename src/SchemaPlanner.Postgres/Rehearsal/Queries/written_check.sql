SELECT {{expected}} @> jsonb_strip_nulls({{written}})
