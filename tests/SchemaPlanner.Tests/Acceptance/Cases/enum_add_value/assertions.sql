SELECT count(*) = 1002 FROM issues;
SELECT bool_and(state = CASE WHEN id % 2 = 0 THEN 'opened' ELSE 'closed' END::issue_state) FROM issues WHERE id <= 1000;
SELECT enum_range(NULL::issue_state)::text = '{opened,in_review,closed}';
SELECT count(*) = 1 FROM issues WHERE state = 'in_review';
