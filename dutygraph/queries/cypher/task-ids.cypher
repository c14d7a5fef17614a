MATCH (n:Task) WHERE n.task_id = $task_id
RETURN n.id AS id, 'Task' AS label, n.task_id AS name, [n.id] AS aliases
