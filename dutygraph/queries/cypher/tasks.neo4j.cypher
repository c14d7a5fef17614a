// Neo4j: a non-empty $phrase (a Lucene phrase, made by dutygraph.queries.topics for text of Chinese characters
// only) finds the candidates in the full-text index dutygraph_text (Task text and title, Project and Program
// names); CONTAINS then keeps exactly what the other stores keep. An empty $phrase scans, as they do.
WITH $phrase AS q WHERE q <> ''
CALL db.index.fulltext.queryNodes('dutygraph_text', q) YIELD node AS t
WITH t WHERE t:Task AND t.kind = 'item' AND ($document = '' OR t.document = $document)
             AND ($text = '' OR t.text CONTAINS $text OR t.title CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       '' AS via
UNION
WITH $phrase AS q WHERE q <> ''
CALL db.index.fulltext.queryNodes('dutygraph_text', q) YIELD node AS p
WITH p WHERE NOT $own AND p:Project AND ($text = '' OR p.name CONTAINS $text)
MATCH (t:Task)-[:CONCERNS]->(p)
WHERE t.kind = 'item' AND ($document = '' OR t.document = $document)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
UNION
WITH $phrase AS q WHERE q <> ''
CALL db.index.fulltext.queryNodes('dutygraph_text', q) YIELD node AS p
WITH p WHERE NOT $own AND p:Program AND ($text = '' OR p.name CONTAINS $text)
MATCH (t:Task)-[:PART_OF]->(p)
WHERE t.kind = 'item' AND ($document = '' OR t.document = $document)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
UNION
MATCH (t:Task)
WHERE $phrase = '' AND t.kind = 'item' AND ($document = '' OR t.document = $document)
      AND ($text = '' OR t.text CONTAINS $text OR t.title CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       '' AS via
UNION
MATCH (t:Task)-[:CONCERNS]->(p:Project)
WHERE $phrase = '' AND NOT $own AND t.kind = 'item' AND ($document = '' OR t.document = $document)
      AND ($text = '' OR p.name CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
UNION
MATCH (t:Task)-[:PART_OF]->(p:Program)
WHERE $phrase = '' AND NOT $own AND t.kind = 'item' AND ($document = '' OR t.document = $document)
      AND ($text = '' OR p.name CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
