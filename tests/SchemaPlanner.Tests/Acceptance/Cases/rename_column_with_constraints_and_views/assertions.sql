SELECT count(*) = 1000 FROM accounts;
SELECT bool_and(address = 'a' || id || '@example.com') FROM accounts WHERE id <= 1000;
SELECT NOT EXISTS (SELECT 1 FROM logins WHERE account_email IN ('a5@example.com', 'a6@example.com'));
SELECT count(*) = 2000 - 4 + 2 FROM logins;
SELECT NOT EXISTS (SELECT 1 FROM logins l WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.address = l.account_email));
SELECT (SELECT count(*) FROM account_emails e JOIN accounts a USING (id) WHERE e.email = a.address) = 1000;
SELECT (SELECT count(*) FROM account_addresses v JOIN accounts a USING (id) WHERE v.address = a.address) = 1000;
SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND NOT convalidated);
SELECT NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname LIKE 'schemaplan%');
