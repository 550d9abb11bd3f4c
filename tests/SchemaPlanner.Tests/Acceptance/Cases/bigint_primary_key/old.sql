-- GitLab guide, "integer to bigint primary key" on a table with referencing rows: a new bigint column kept in
-- step by a trigger and backfilled (on the parent and on the referencing column), its unique index and the
-- foreign keys built on it concurrently / NOT VALID, then one short transaction that locks parent before child
-- and swaps names, sequence and defaults, the primary key (USING INDEX) and the foreign keys; the old columns
-- are dropped a release later.
CREATE TABLE projects (
    id   serial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE issues (
    id         bigserial PRIMARY KEY,
    project_id integer NOT NULL REFERENCES projects (id),
    title      text NOT NULL
);
CREATE INDEX issues_project_id_idx ON issues (project_id);

INSERT INTO projects (name) SELECT 'Project ' || g FROM generate_series(1, 200) g;
INSERT INTO issues (project_id, title) SELECT 1 + g % 200, 'Issue ' || g FROM generate_series(1, 1000) g;
