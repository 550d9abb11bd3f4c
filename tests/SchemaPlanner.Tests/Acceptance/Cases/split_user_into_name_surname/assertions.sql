SELECT count(*) = 1003 FROM users;
SELECT bool_and(name = 'First' || id AND surname = 'Last' || id) FROM users WHERE id <= 1000 AND id NOT IN (7, 8);
-- Written by the old app through "user", split into the new columns.
SELECT name = 'Ada' AND surname = 'Lovelace' FROM users WHERE email = 'ada@example.com';
SELECT name = 'Renamed' AND surname = 'ByOld' FROM users WHERE id = 7;
SELECT name = 'Grace' AND surname = 'Hopper' FROM users WHERE email = 'grace@example.com';
SELECT name = 'First8' AND surname = 'ChangedByNew' FROM users WHERE id = 8;
SELECT name = 'Mary Ann' AND surname = 'Smith' FROM users WHERE email = 'mary.ann@example.com';
