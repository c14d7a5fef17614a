// The co-units are collected per assignment (r, t) before the program is joined: grouping with p as well made
// ladybug group by every property returned after it (the task's text among them), 50 against 40 ms CPU for a
// unit of 2,600 tasks at 3,000 plans. No ORDER BY: the rows are sorted once, by Question.normalise, as on every
// backend (ladybug sorted them a first time).
MATCH (u:Unit {id: $unit})-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)
OPTIONAL MATCH (o:Unit)-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t)
WHERE o.id <> $unit
WITH r, t, collect(DISTINCT o.name) AS co_units
OPTIONAL MATCH (t)-[:PART_OF]->(p:Program)
RETURN t.task_id AS task, r.role AS role, r.printed AS printed, t.title AS title, t.text AS text, t.deadline AS deadline,
       t.deadline_date AS deadline_date, t.amounts AS amounts, co_units, p.title AS program,
       t.document AS document, t.line_first AS line_first, t.line_last AS line_last
