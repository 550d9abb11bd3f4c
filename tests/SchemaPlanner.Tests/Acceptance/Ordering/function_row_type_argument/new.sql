CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric NOT NULL);
CREATE TABLE public.aa_lines (id integer PRIMARY KEY, qty integer NOT NULL);
-- A function created before the table its argument and result types are (by name order and kind rank).
CREATE FUNCTION public.a_line_total(l public.aa_lines, o public.orders) RETURNS public.aa_lines
    LANGUAGE sql IMMUTABLE AS $$ SELECT l $$;
