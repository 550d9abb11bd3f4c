CREATE FUNCTION public.z_is_even(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v % 2 = 0 $$;
CREATE DOMAIN public.z_positive AS integer CHECK (VALUE > 0);
-- a_even sorts before z_positive, its base type, and its CHECK calls a function.
CREATE DOMAIN public.a_even AS public.z_positive CHECK (public.z_is_even(VALUE));
CREATE TABLE public.items (id integer PRIMARY KEY);
CREATE TABLE public.amounts (id integer PRIMARY KEY, amount public.a_even);
