CREATE TABLE public.accounts (id integer PRIMARY KEY, active boolean NOT NULL);
CREATE VIEW public.z_active AS SELECT id FROM public.accounts WHERE active;
CREATE FUNCTION public.a_active() RETURNS SETOF public.z_active LANGUAGE sql STABLE AS $$ SELECT * FROM public.z_active $$;
