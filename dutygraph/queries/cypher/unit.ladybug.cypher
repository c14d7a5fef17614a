// ladybug: unit.cypher with the co-units made distinct by list_distinct over what collect gathered, instead of
// collect(DISTINCT …): ladybug hashes every row of the aggregation for DISTINCT, and the rows carry the task's
// properties (its text among them), 12 % of the query for the busiest unit at 1,000 plans (1,030 rows).
// The co-units are collected per assignment (r, t) before the program is joined (see unit.cypher). No ORDER BY:
// the rows are sorted once, by Question.normalise, as on every backend.
MATCH (u:Unit {id: $unit})-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)
OPTIONAL MATCH (o:Unit)-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t)
WHERE o.id <> $unit
WITH r, t, list_distinct(collect(o.name)) AS co_units
OPTIONAL MATCH (t)-[:PART_OF]->(p:Program)
RETURN t.task_id AS task, r.role AS role, r.printed AS printed, t.title AS title, t.text AS text, t.deadline AS deadline,
       t.deadline_date AS deadline_date, t.amounts AS amounts, co_units, p.title AS program,
       t.document AS document, t.line_first AS line_first, t.line_last AS line_last
