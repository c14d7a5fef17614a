MATCH (u:Unit)
WHERE $unit = '' OR u.id = $unit
MATCH (u)-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)<-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]-(o:Unit)
WHERE (u.id < o.id OR ($unit <> '' AND o.id <> u.id)) AND ($document = '' OR t.document = $document)
WITH u.id AS uid, u.name AS uname, o.id AS oid, o.name AS oname, count(DISTINCT t) AS shared_tasks
RETURN CASE WHEN uid < oid THEN uid ELSE oid END AS a, CASE WHEN uid < oid THEN uname ELSE oname END AS a_name,
       CASE WHEN uid < oid THEN oid ELSE uid END AS b, CASE WHEN uid < oid THEN oname ELSE uname END AS b_name,
       shared_tasks
