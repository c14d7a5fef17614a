MATCH (t:Task)
WHERE t.kind = 'item'
OPTIONAL MATCH (l:Unit)-[:LEADS]->(t)
WITH t, count(l) AS leads
WHERE leads = 0
RETURN 'task_without_lead' AS gap, t.task_id AS name, t.document AS document, t.id AS node
UNION ALL
MATCH (u:Unit)-[:RESPONSIBLE_FOR|COOPERATES_ON]->(:Task)
WITH DISTINCT u
OPTIONAL MATCH (u)-[l:LEADS]->(:Task)
WITH u, count(l) AS leads
WHERE leads = 0
RETURN 'unit_never_leads' AS gap, u.name AS name, '' AS document, u.id AS node
UNION ALL
MATCH (c:Unit)
WHERE c.kind = 'collective'
OPTIONAL MATCH (m:Unit)-[mo:MEMBER_OF]->(c)
WITH c, count(mo) AS members
WHERE members = 0
RETURN 'collective_without_members' AS gap, c.name AS name, '' AS document, c.id AS node
