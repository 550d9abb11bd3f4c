CREATE TABLE public.sales (id integer PRIMARY KEY, amount numeric NOT NULL);
-- The view no longer reads the materialized view, which goes away; CREATE OR REPLACE must come first.
CREATE VIEW public.a_report AS SELECT sum(amount) AS total FROM public.sales;
