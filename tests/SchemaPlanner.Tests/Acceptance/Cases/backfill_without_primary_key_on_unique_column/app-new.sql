INSERT INTO tags (code, label, label_upper) VALUES ('new-app', 'Written by the new app', 'CHOSEN BY THE NEW APP');
