// The tasks question for every document (tasks.cypher without a document): the property-graph stores hold no
// token index (dutygraph.graph.text_index), so $token_a and $token_b are not used here.
MATCH (t:Task)
WHERE t.kind = 'item' AND (t.text CONTAINS $text OR t.title CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       '' AS via
UNION
MATCH (t:Task)-[:CONCERNS]->(p:Project)
WHERE t.kind = 'item' AND p.name CONTAINS $text
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
UNION
MATCH (t:Task)-[:PART_OF]->(p:Program)
WHERE t.kind = 'item' AND p.name CONTAINS $text
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
