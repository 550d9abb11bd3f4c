-- The ledger's rows written since the last sync replace their old copies.
INSERT INTO {{mirror}} AS l
SELECT k, w, d, v FROM jsonb_to_recordset($1::jsonb) AS c(k jsonb, w text, d boolean, v jsonb)
ON CONFLICT (k) DO UPDATE SET w = excluded.w, d = excluded.d, v = excluded.v
