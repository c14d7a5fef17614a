MATCH (pl:Place)
OPTIONAL MATCH (g:Unit)-[:GOVERNS]->(pl)
OPTIONAL MATCH (t:Task)-[:LOCATED_IN]->(pl)
OPTIONAL MATCH (u:Unit)-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t)
RETURN pl.name AS place, pl.kind AS kind, collect(DISTINCT g.name) AS governed_by,
       count(DISTINCT t) AS tasks, count(DISTINCT u) AS units
ORDER BY tasks DESC, place
