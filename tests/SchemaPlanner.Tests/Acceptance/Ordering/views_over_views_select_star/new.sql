CREATE TABLE public.people (id integer PRIMARY KEY, name text, email text);
CREATE VIEW public.z_people AS SELECT * FROM public.people;
CREATE VIEW public.a_people AS SELECT * FROM public.z_people;
