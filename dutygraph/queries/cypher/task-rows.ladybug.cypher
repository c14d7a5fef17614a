// ladybug: task-rows.cypher with the units collected per task before any property of the task is read: grouped
// by the node t alone (its internal id), ladybug then reads the text, ids and lines of each task once, after the
// aggregation. Collected beside those properties (RETURN t.text …, collect(…)), it hashed every row with the
// task's text (26.7 against 22 ms for the 2,353 tasks of `depends` of the busiest program's name at 10,000 plans).
// Both roles come in one OPTIONAL MATCH, each kept by a CASE (collect leaves out the NULLs of the other role);
// list_distinct makes each list distinct (an id given twice gives its task's relationships twice; the grouping by t
// gives its row once).
UNWIND $tasks AS id
MATCH (t:Task {id: id})
OPTIONAL MATCH (t)<-[r:LEADS|RESPONSIBLE_FOR]-(u:Unit)
WITH t, collect(CASE WHEN label(r) = 'LEADS' THEN u.name END) AS lead,
     collect(CASE WHEN label(r) = 'RESPONSIBLE_FOR' THEN u.name END) AS responsible
RETURN t.id AS node, t.task_id AS task, t.text AS text, list_distinct(lead) AS lead,
       list_distinct(responsible) AS responsible, t.document AS document, t.line_first AS line_first,
       t.line_last AS line_last
