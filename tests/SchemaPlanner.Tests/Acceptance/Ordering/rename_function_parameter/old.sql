CREATE TABLE public.accounts (id integer PRIMARY KEY, balance numeric NOT NULL);
CREATE FUNCTION public.fee(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 0.01 $$;
CREATE FUNCTION public.fee_sql(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE RETURN public.fee(amount) + 1;
CREATE VIEW public.fees AS SELECT id, public.fee(balance) AS fee FROM public.accounts;
CREATE TABLE public.charges (id integer PRIMARY KEY, fee numeric DEFAULT public.fee(10));
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
-- The trigger's WHEN calls the function too.
CREATE TRIGGER touch BEFORE INSERT ON public.charges FOR EACH ROW WHEN (public.fee(NEW.fee) > 0) EXECUTE FUNCTION public.touch();
