// ladybug, asked column by column (Question.gathered_texts): unit.ladybug.cypher without the co-units, which
// unit.co_units.ladybug.cypher gathers apart by the task's key (_row: its offset in the Task table). Collecting
// the co-units here made ladybug carry every returned property of the task (its text among them) through the
// aggregation. The program's title is the task's own `program` (schema: the title of the program it is PART_OF,
// written with it): ladybug reads a node's properties by scanning the whole column under a mask of the rows
// wanted, so joining the Program costs a second table's scan and a hash join, a third of the text's time
// (12 against 8 ms for a unit of 2,610 tasks at 3,000 plans). No ORDER BY: Question.normalise sorts the rows.
MATCH (u:Unit {id: $unit})-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)
RETURN t.task_id AS task, r.role AS role, r.printed AS printed, t.title AS title, t.text AS text, t.deadline AS deadline,
       t.deadline_date AS deadline_date, t.amounts AS amounts, t.program AS program,
       t.document AS document, t.line_first AS line_first, t.line_last AS line_last, offset(id(t)) AS _row
