-- accounts.email becomes accounts.address. The column carries a UNIQUE, a CHECK, a foreign key from logins and
-- two views. The old constraints keep guarding the data until the old column goes in release 2; the new ones
-- are built on the new column after its verify; the views are re-pointed in one transaction after the verify
-- (OR REPLACE for the one that keeps its columns, release 2 for the one that renames a column).
CREATE TABLE accounts (
    id    bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE CHECK (email LIKE '%@%')
);
CREATE TABLE logins (
    id            bigserial PRIMARY KEY,
    account_email text NOT NULL REFERENCES accounts (email) ON DELETE CASCADE
);
CREATE VIEW account_emails AS SELECT id, email FROM accounts;
CREATE VIEW account_addresses AS SELECT id, email FROM accounts;

INSERT INTO accounts (email) SELECT 'a' || g || '@example.com' FROM generate_series(1, 1000) g;
INSERT INTO logins (account_email) SELECT 'a' || (1 + g % 1000) || '@example.com' FROM generate_series(1, 2000) g;
