CREATE TABLE public.accounts (id integer PRIMARY KEY, active boolean NOT NULL, name text);
-- The view's columns change order: it is dropped and re-created, and so is the function returning its rows.
CREATE VIEW public.z_active AS SELECT name, id FROM public.accounts WHERE active;
CREATE FUNCTION public.a_active() RETURNS SETOF public.z_active LANGUAGE sql STABLE AS $$ SELECT * FROM public.z_active $$;
