CREATE TEMPORARY TABLE {{mirror}} (k jsonb PRIMARY KEY, w text NOT NULL, d boolean NOT NULL, v jsonb)
