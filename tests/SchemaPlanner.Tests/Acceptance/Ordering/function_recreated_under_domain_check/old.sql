-- A domain CHECK and a table CHECK call a function whose parameter is renamed (drop and create): both CHECKs go
-- before the drop and come back after the create. (A table column of the domain would make the re-added CHECK
-- scan that table under a SHARE lock: SP5003, a decision left to the user.)
CREATE FUNCTION public.is_positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$;
CREATE DOMAIN public.positive AS integer CONSTRAINT positive_check CHECK (public.is_positive(VALUE)) CONSTRAINT positive_small CHECK (VALUE < 1000000);
CREATE FUNCTION public.doubled(p public.positive) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p * 2 $$;
CREATE TABLE public.stock (id integer PRIMARY KEY, quantity integer, reserved integer CHECK (public.is_positive(reserved + 1)));
