MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task {id: $task})
RETURN t.task_id AS task, r.role AS relation, u.name AS name, r.basis AS basis
UNION ALL
MATCH (t:Task {id: $task})-[r:PART_OF]->(p:Program)
RETURN t.task_id AS task, 'part_of' AS relation, p.name AS name, r.basis AS basis
UNION ALL
MATCH (t:Task {id: $task})-[r:PART_OF]->(p:Task)
RETURN t.task_id AS task, 'part_of' AS relation, p.name AS name, r.basis AS basis
UNION ALL
MATCH (c:Task)-[r:PART_OF]->(t:Task {id: $task})
RETURN t.task_id AS task, 'has_part' AS relation, c.task_id AS name, r.basis AS basis
UNION ALL
MATCH (t:Task {id: $task})-[r:DEPENDS_ON]->(p:Program)
RETURN t.task_id AS task, 'depends_on' AS relation, p.name AS name, r.basis AS basis
UNION ALL
MATCH (t:Task {id: $task})-[r:LOCATED_IN]->(p:Place)
RETURN t.task_id AS task, 'located_in' AS relation, p.name AS name, r.basis AS basis
UNION ALL
MATCH (t:Task {id: $task})-[r:CONCERNS]->(p:Project)
RETURN t.task_id AS task, 'concerns' AS relation, p.name AS name, r.basis AS basis
