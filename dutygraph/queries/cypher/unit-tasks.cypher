MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)
WHERE u.id IN $units AND ($role = 'all' OR r.role = $role) AND ($document = '' OR r.document = $document)
RETURN u.id AS id, u.name AS unit, u.kind AS kind, count(DISTINCT t) AS tasks
