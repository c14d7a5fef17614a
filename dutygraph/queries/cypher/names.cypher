MATCH (n:Unit) RETURN n.id AS id, 'Unit' AS label, n.name AS name, n.aliases AS aliases
UNION ALL
MATCH (n:Place) RETURN n.id AS id, 'Place' AS label, n.name AS name, n.aliases AS aliases
UNION ALL
MATCH (n:Program) RETURN n.id AS id, 'Program' AS label, n.name AS name, [n.key_work] AS aliases
UNION ALL
MATCH (n:Project) RETURN n.id AS id, 'Project' AS label, n.name AS name, [n.base_name] AS aliases
UNION ALL
MATCH (n:Task) RETURN n.id AS id, 'Task' AS label, n.task_id AS name, [n.id] AS aliases
