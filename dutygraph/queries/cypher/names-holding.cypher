UNWIND $keys AS k
MATCH (n:Program) WHERE n.name CONTAINS k OR n.key_work CONTAINS k
RETURN DISTINCT n.id AS id, 'Program' AS label, n.name AS name, [n.key_work] AS aliases
UNION
UNWIND $keys AS k
MATCH (n:Project) WHERE n.name CONTAINS k OR n.base_name CONTAINS k
RETURN DISTINCT n.id AS id, 'Project' AS label, n.name AS name, [n.base_name] AS aliases
