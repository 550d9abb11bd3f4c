INSERT INTO members (email, badge) VALUES ('new@example.com', 100002);
