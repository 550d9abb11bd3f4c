namespace SchemaPlanner.Tests.Introspection;

/// <summary>A schema that uses every object kind the model covers (and one it does not).</summary>
internal static class RichSchema
{
    public const string Role = "schemaplan_test_reader";

    public const string Sql = """
        CREATE EXTENSION IF NOT EXISTS citext;
        CREATE SCHEMA app;
        CREATE COLLATION app.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
        CREATE DOMAIN app.positive AS integer NOT NULL DEFAULT 1 CONSTRAINT positive_check CHECK (VALUE > 0);
        CREATE TYPE app.pair AS (a integer, b integer);
        CREATE SEQUENCE app.ticket_seq AS integer START 100 INCREMENT 5 MINVALUE 1 MAXVALUE 100000 CACHE 1 CYCLE;

        CREATE TABLE app."Order Items" (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            "select" text COLLATE "C" NOT NULL DEFAULT 'x',
            name citext,
            nick text COLLATE app.ci,
            qty app.positive,
            price numeric(10,2) CHECK (price >= 0),
            total numeric GENERATED ALWAYS AS (price * 2) STORED,
            mood app.mood DEFAULT 'ok',
            ticket integer DEFAULT nextval('app.ticket_seq'),
            created timestamptz(3) DEFAULT now(),
            token uuid DEFAULT gen_random_uuid(),
            tags text[],
            CONSTRAINT order_items_name_key UNIQUE (name) DEFERRABLE INITIALLY DEFERRED
        );
        ALTER SEQUENCE app.ticket_seq OWNED BY app."Order Items".ticket;

        CREATE TABLE app.parent (id serial PRIMARY KEY, note text);
        CREATE UNLOGGED TABLE app.child (
            id serial PRIMARY KEY,
            parent_id integer REFERENCES app.parent (id) ON DELETE CASCADE ON UPDATE SET NULL,
            item_id bigint,
            during int4range,
            CONSTRAINT child_during_excl EXCLUDE USING gist (during WITH &&)
        );
        ALTER TABLE app.child ADD CONSTRAINT child_item_positive CHECK (item_id > 0) NOT VALID;
        ALTER TABLE app.child ADD CONSTRAINT child_item_fkey FOREIGN KEY (item_id) REFERENCES app."Order Items" (id) NOT VALID;
        CREATE INDEX child_lower_idx ON app.child (parent_id) INCLUDE (item_id) WHERE parent_id IS NOT NULL;
        CREATE INDEX order_items_expr_idx ON app."Order Items" (lower("select"), price DESC NULLS LAST);

        CREATE TABLE app.events (id bigint NOT NULL, at date NOT NULL, body text) PARTITION BY RANGE (at);
        CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE INDEX events_at_idx ON app.events (at);

        CREATE TABLE app.base (id integer, kind text);
        CREATE TABLE app.derived (extra text) INHERITS (app.base);

        CREATE VIEW app.expensive AS SELECT id, "select", price FROM app."Order Items" WHERE price > 100;
        CREATE MATERIALIZED VIEW app.totals AS SELECT mood, count(*) AS n FROM app."Order Items" GROUP BY mood;
        CREATE UNIQUE INDEX totals_mood_idx ON app.totals (mood);

        CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created := now(); RETURN NEW; END $$;
        CREATE FUNCTION app.add(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
        CREATE PROCEDURE app.cleanup(days integer) LANGUAGE sql AS $$ DELETE FROM app.parent WHERE id < days $$;
        CREATE TRIGGER order_items_touch BEFORE UPDATE ON app."Order Items" FOR EACH ROW EXECUTE FUNCTION app.touch();

        ALTER TABLE app.parent ENABLE ROW LEVEL SECURITY;
        CREATE POLICY parent_read ON app.parent AS RESTRICTIVE FOR SELECT TO PUBLIC USING (id > 0);

        COMMENT ON TABLE app.parent IS 'parents';
        COMMENT ON COLUMN app."Order Items"."select" IS 'a reserved word';
        COMMENT ON FUNCTION app.add(integer, integer) IS 'adds';

        GRANT SELECT ON app.parent TO schemaplan_test_reader;
        GRANT USAGE ON SCHEMA app TO schemaplan_test_reader;
        """;
}
