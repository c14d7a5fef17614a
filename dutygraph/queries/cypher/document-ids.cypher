UNWIND $ids AS k
MATCH (d:Document {id: k}) RETURN d.id AS id, d.name AS title, d.source AS source
