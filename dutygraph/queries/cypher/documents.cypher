MATCH (d:Document)
OPTIONAL MATCH (t:Task {kind: 'item'})-[:IN_DOCUMENT]->(d)
RETURN d.id AS id, d.name AS title, d.issuers AS issuers, d.city AS city, d.issued AS issued, d.year AS year,
       count(t) AS tasks, d.source AS source
