CREATE TABLE public.accounts (id integer PRIMARY KEY, active boolean NOT NULL, name text);
CREATE VIEW public.z_active AS SELECT id, name FROM public.accounts WHERE active;
CREATE FUNCTION public.a_active() RETURNS SETOF public.z_active LANGUAGE sql STABLE AS $$ SELECT * FROM public.z_active $$;
