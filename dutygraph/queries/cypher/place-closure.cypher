MATCH (x:Place)-[:LOCATED_IN]->(p:Place)
WHERE p.id IN $ids
RETURN x.id AS id
UNION
MATCH (x:Program)-[:LOCATED_IN]->(p:Place)
WHERE p.id IN $ids
RETURN x.id AS id
