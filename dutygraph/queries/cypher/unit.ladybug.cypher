// ladybug: unit.cypher with the co-units made distinct by list_distinct over what collect gathered, instead of
// collect(DISTINCT …): ladybug hashes every row of the aggregation for DISTINCT, and the rows carry the task's
// properties (its text among them), 12 % of the query for the busiest unit at 1,000 plans (1,030 rows).
// The program's title is the task's own `program` (the title of the program it is PART_OF; see
// unit.rows.ladybug.cypher). No ORDER BY: the rows are sorted once, by Question.normalise, as on every backend.
// A store read column by column asks unit.rows.ladybug.cypher and unit.co_units.ladybug.cypher instead.
MATCH (u:Unit {id: $unit})-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)
OPTIONAL MATCH (o:Unit)-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t)
WHERE o.id <> $unit
WITH r, t, list_distinct(collect(o.name)) AS co_units
RETURN t.task_id AS task, r.role AS role, r.printed AS printed, t.title AS title, t.text AS text, t.deadline AS deadline,
       t.deadline_date AS deadline_date, t.amounts AS amounts, co_units, t.program AS program,
       t.document AS document, t.line_first AS line_first, t.line_last AS line_last
