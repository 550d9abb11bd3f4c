CREATE TABLE public.sales (id integer PRIMARY KEY, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW public.z_totals AS SELECT sum(amount) AS total FROM public.sales;
CREATE VIEW public.a_report AS SELECT total FROM public.z_totals;
