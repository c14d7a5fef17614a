MATCH (u:Unit {id: $unit})-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)
OPTIONAL MATCH (o:Unit)-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t)
WHERE o.id <> $unit
OPTIONAL MATCH (t)-[:PART_OF]->(p:Program)
WITH r, t, p, collect(DISTINCT o.name) AS co_units
RETURN t.task_id AS task, r.role AS role, r.printed AS printed, t.title AS title, t.text AS text, t.deadline AS deadline,
       t.deadline_date AS deadline_date, t.amounts AS amounts, co_units, p.title AS program,
       t.document AS document, t.line_first AS line_first, t.line_last AS line_last
ORDER BY document, line_first, role
