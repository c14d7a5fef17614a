// ladybug, asked column by column (Question.gathered_texts): unit.ladybug.cypher without the co-units, which
// unit.co_units.ladybug.cypher gathers apart by the task's key (_row: its offset in the Task table). Collecting
// the co-units here made ladybug carry every returned property of the task (its text among them) through the
// aggregation: the two texts take about 20 % less of its time than the one for the busiest unit (2,610 rows
// at 3,000 plans: 18-20 ms against 23-27 of execution). No ORDER BY: Question.normalise sorts the rows.
MATCH (u:Unit {id: $unit})-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)
OPTIONAL MATCH (t)-[:PART_OF]->(p:Program)
RETURN t.task_id AS task, r.role AS role, r.printed AS printed, t.title AS title, t.text AS text, t.deadline AS deadline,
       t.deadline_date AS deadline_date, t.amounts AS amounts, p.title AS program,
       t.document AS document, t.line_first AS line_first, t.line_last AS line_last, offset(id(t)) AS _row
