CREATE TABLE accounts (
    id      bigserial PRIMARY KEY,
    address text NOT NULL UNIQUE CHECK (address LIKE '%@%')
);
CREATE TABLE logins (
    id            bigserial PRIMARY KEY,
    account_email text NOT NULL REFERENCES accounts (address) ON DELETE CASCADE
);
CREATE VIEW account_emails AS SELECT id, address AS email FROM accounts;
CREATE VIEW account_addresses AS SELECT id, address FROM accounts;
