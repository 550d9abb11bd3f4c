-- Desired schema: "text" renamed to "body" (schemaplan.json carries the rename hint).
CREATE TABLE articles (id bigserial PRIMARY KEY, title text, body text NOT NULL, payload text);
