MATCH (t:Task)
WHERE t.kind = 'item' AND ($document = '' OR t.document = $document)
      AND ($text = '' OR t.text CONTAINS $text OR t.title CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       '' AS via
UNION
MATCH (t:Task)-[:CONCERNS]->(p:Project)
WHERE NOT $own AND t.kind = 'item' AND ($document = '' OR t.document = $document)
      AND ($text = '' OR p.name CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
UNION
MATCH (t:Task)-[:PART_OF]->(p:Program)
WHERE NOT $own AND t.kind = 'item' AND ($document = '' OR t.document = $document)
      AND ($text = '' OR p.name CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
