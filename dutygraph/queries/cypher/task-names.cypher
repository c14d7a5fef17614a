UNWIND $ids AS k
MATCH (n:Task {id: k})
RETURN n.id AS id, 'Task' AS label, n.task_id AS name, [n.id] AS aliases
