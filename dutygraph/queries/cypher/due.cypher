MATCH (t:Task)
WHERE t.kind = 'item' AND t.deadline_date IS NOT NULL AND t.deadline_date <= $before
      AND ($after = '' OR t.deadline_date > $after)
OPTIONAL MATCH (l:Unit)-[:LEADS]->(t)
OPTIONAL MATCH (r:Unit)-[:RESPONSIBLE_FOR]->(t)
RETURN t.task_id AS task, t.deadline AS deadline, t.deadline_date AS deadline_date, t.text AS text,
       collect(DISTINCT l.name) AS lead, collect(DISTINCT r.name) AS responsible,
       t.document AS document, t.line_first AS line_first
ORDER BY deadline_date, document, line_first
