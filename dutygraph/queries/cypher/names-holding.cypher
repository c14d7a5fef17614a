// Programs and projects one of whose names holds one of $keys and one of $also, the spellings of two characters
// of the name looked up (dutygraph.queries.lookup; [''] for no second character): the second narrows the rows.
UNWIND $keys AS k
MATCH (n:Program) WHERE (n.name CONTAINS k OR n.key_work CONTAINS k)
      AND any(a IN $also WHERE a = '' OR n.name CONTAINS a OR n.key_work CONTAINS a)
RETURN DISTINCT n.id AS id, 'Program' AS label, n.name AS name, [n.key_work] AS aliases
UNION
UNWIND $keys AS k
MATCH (n:Project) WHERE (n.name CONTAINS k OR n.base_name CONTAINS k)
      AND any(a IN $also WHERE a = '' OR n.name CONTAINS a OR n.base_name CONTAINS a)
RETURN DISTINCT n.id AS id, 'Project' AS label, n.name AS name, [n.base_name] AS aliases
