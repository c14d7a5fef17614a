UNWIND $tasks AS id
WITH DISTINCT id
MATCH (t:Task {id: id})
OPTIONAL MATCH (l:Unit)-[:LEADS]->(t)
OPTIONAL MATCH (r:Unit)-[:RESPONSIBLE_FOR]->(t)
RETURN t.id AS node, t.task_id AS task, t.text AS text, collect(DISTINCT l.name) AS lead,
       collect(DISTINCT r.name) AS responsible, t.document AS document, t.line_first AS line_first,
       t.line_last AS line_last
