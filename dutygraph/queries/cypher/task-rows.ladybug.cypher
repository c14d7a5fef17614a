// ladybug: task-rows.cypher with each list made distinct by list_distinct over what collect gathered (the leads
// times the responsible units of a task), instead of collect(DISTINCT …), which hashes every row with the
// task's properties: 10 % of the question for 1,235 tasks at 1,000 plans.
UNWIND $tasks AS id
WITH DISTINCT id
MATCH (t:Task {id: id})
OPTIONAL MATCH (l:Unit)-[:LEADS]->(t)
OPTIONAL MATCH (r:Unit)-[:RESPONSIBLE_FOR]->(t)
RETURN t.id AS node, t.task_id AS task, t.text AS text, list_distinct(collect(l.name)) AS lead,
       list_distinct(collect(r.name)) AS responsible, t.document AS document, t.line_first AS line_first,
       t.line_last AS line_last
