MATCH (a:Unit)<-[:ORIGINAL_ORGANIZATION]-(e:ChangeEvent)-[:RESULTING_ORGANIZATION]->(b:Unit)
RETURN e.id AS event, e.kind AS kind, e.date AS date, a.id AS original, b.id AS resulting
