MATCH (t:Task)-[d:DEPENDS_ON]->(p:Program)
WHERE p.id IN $targets AND t.kind = 'item'
RETURN t.id AS node, 0 AS rank, d.basis AS basis, p.name AS via, d.printed AS printed
UNION ALL
MATCH (t:Task)-[d:CONCERNS]->(p:Project)
WHERE p.id IN $targets AND t.kind = 'item'
RETURN t.id AS node, 1 AS rank, 'concerns' AS basis, p.name AS via, d.printed AS printed
UNION ALL
MATCH (t:Task)-[d:LOCATED_IN]->(p:Place)
WHERE p.id IN $targets AND t.kind = 'item'
RETURN t.id AS node, 2 AS rank, 'located_in' AS basis, p.name AS via, d.printed AS printed
UNION ALL
MATCH (t:Task)-[d:PART_OF]->(p:Task)
WHERE p.id IN $targets AND t.kind = 'item'
RETURN t.id AS node, 3 AS rank, 'part_of' AS basis, p.name AS via, d.printed AS printed
