MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)
WHERE ($role = 'all' OR r.role = $role) AND ($document = '' OR r.document = $document)
OPTIONAL MATCH (m:Unit)-[mo:MEMBER_OF]->(u)
WHERE $expand AND (r.document IN mo.documents)
UNWIND [u.id, m.id] AS h
WITH h, t WHERE h IS NOT NULL
WITH h, count(DISTINCT t) AS tasks
MATCH (x:Unit {id: h})
RETURN x.name AS unit, x.kind AS kind, tasks ORDER BY tasks DESC, unit
