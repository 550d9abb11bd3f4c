CREATE TABLE public.people (id integer PRIMARY KEY, name text, email text);
CREATE VIEW public.z_people AS SELECT id, email, name FROM public.people;
CREATE VIEW public.a_people AS SELECT * FROM public.z_people;
CREATE VIEW public.b_people AS SELECT * FROM public.a_people;
