MATCH (d:Document) RETURN d.id AS id, d.name AS title, d.source AS source
