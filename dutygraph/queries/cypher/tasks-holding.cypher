MATCH (n:Task) WHERE n.id CONTAINS $part
RETURN n.id AS id, 'Task' AS label, n.task_id AS name, [n.id] AS aliases
