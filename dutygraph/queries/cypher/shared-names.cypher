MATCH (n:Unit) RETURN n.id AS id, 'Unit' AS label, n.name AS name, n.aliases AS aliases
UNION ALL
MATCH (n:Place) RETURN n.id AS id, 'Place' AS label, n.name AS name, n.aliases AS aliases
