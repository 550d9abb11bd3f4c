CREATE TABLE projects (
    id   bigserial PRIMARY KEY,
    name text NOT NULL,
    slug text NOT NULL DEFAULT ''
);
CREATE INDEX projects_slug_idx ON projects (slug);
