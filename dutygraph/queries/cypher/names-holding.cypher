// Programs and projects one of whose names holds one of $keys and one of $also, the spellings of two characters
// of the name looked up (dutygraph.queries.lookup; [''] for no second character): the second narrows the rows.
// Both lists are unwound: ladybug tests any(a IN $also WHERE …) several times slower than the plain OR
// (25 against 7 ms over the 31,000 programs of 3,000 plans).
UNWIND $keys AS k
UNWIND $also AS a
MATCH (n:Program) WHERE (n.name CONTAINS k OR n.key_work CONTAINS k)
      AND (a = '' OR n.name CONTAINS a OR n.key_work CONTAINS a)
RETURN DISTINCT n.id AS id, 'Program' AS label, n.name AS name, [n.key_work] AS aliases
UNION
UNWIND $keys AS k
UNWIND $also AS a
MATCH (n:Project) WHERE (n.name CONTAINS k OR n.base_name CONTAINS k)
      AND (a = '' OR n.name CONTAINS a OR n.base_name CONTAINS a)
RETURN DISTINCT n.id AS id, 'Project' AS label, n.name AS name, [n.base_name] AS aliases
