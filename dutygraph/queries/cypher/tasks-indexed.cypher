// The tasks question (tasks.cypher) as tasks-indexed is asked. Only ladybug holds the token index
// (dutygraph.graph.text_index; tasks-indexed.ladybug.cypher): a Cypher store without it (Neo4j, which has its
// full-text index instead) reads every text, and $token_a and $token_b are not used here.
MATCH (t:Task)
WHERE t.kind = 'item' AND ($document = '' OR t.document = $document) AND (t.text CONTAINS $text OR t.title CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       '' AS via
UNION
MATCH (t:Task)-[:CONCERNS]->(p:Project)
WHERE NOT $own AND t.kind = 'item' AND ($document = '' OR t.document = $document) AND p.name CONTAINS $text
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
UNION
MATCH (t:Task)-[:PART_OF]->(p:Program)
WHERE NOT $own AND t.kind = 'item' AND ($document = '' OR t.document = $document) AND p.name CONTAINS $text
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
