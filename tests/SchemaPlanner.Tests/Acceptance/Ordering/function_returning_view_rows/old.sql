CREATE TABLE public.accounts (id integer PRIMARY KEY, active boolean NOT NULL);
