CREATE TABLE public.parents (id integer NOT NULL, CONSTRAINT parents_id_key UNIQUE (id));
CREATE TABLE public.children (id integer PRIMARY KEY, parent_id integer REFERENCES public.parents (id));
