MATCH (a:Unit)-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)<-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]-(b:Unit)
WHERE a.id < b.id AND ($unit = '' OR a.id = $unit OR b.id = $unit)
WITH a, b, count(DISTINCT t) AS shared_tasks
RETURN a.id AS a, a.name AS a_name, b.id AS b, b.name AS b_name, shared_tasks
