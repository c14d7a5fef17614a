// Programs and projects one of whose names holds $key and $also, two characters of the name looked up (each
// spelling of each asked apart, dutygraph.queries.lookup; '' for no second character): the second narrows the
// rows. The characters are scalar parameters, tested against each name in one pass over the label's names:
// unwound from lists (one row per key, per spelling), ladybug tested them after a cross product, for twice the
// time (32.5 against 16 ms over the 104,000 programs of 10,000 plans), and any(k IN $keys WHERE …) takes 3-6
// times as long. A node is matched once per branch, and no node is both labels: UNION ALL, nothing to hash.
MATCH (n:Program) WHERE (n.name CONTAINS $key OR n.key_work CONTAINS $key)
      AND ($also = '' OR n.name CONTAINS $also OR n.key_work CONTAINS $also)
RETURN n.id AS id, 'Program' AS label, n.name AS name, [n.key_work] AS aliases
UNION ALL
MATCH (n:Project) WHERE (n.name CONTAINS $key OR n.base_name CONTAINS $key)
      AND ($also = '' OR n.name CONTAINS $also OR n.base_name CONTAINS $also)
RETURN n.id AS id, 'Project' AS label, n.name AS name, [n.base_name] AS aliases
