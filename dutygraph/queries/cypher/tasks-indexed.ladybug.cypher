// ladybug: the tasks question through its token index (dutygraph.graph.text_index: a Token node per pair of
// Chinese characters, HAS_TOKEN from each leaf task, program and project holding it, written at load).
// $token_a and $token_b are two pairs of Chinese characters of $text (the rarest in the store); a node whose text
// holds $text holds both, so the candidates are the nodes holding both: two primary-key lookups of Token and
// their adjacency lists, intersected (a node holds each token once). CONTAINS then keeps exactly what the tasks
// question keeps. Text without a pair of Chinese characters is asked with the tasks question (it scans).
// Each `WITH … WHERE` keeps the tests of the task's own properties after the candidates are found: in the MATCH,
// ladybug's planner scans every task to test them first (40-80 ms at 1,000 plans, for no candidate at all).
// With $own (only the tasks whose own text or title holds $text: what `depends` asks) the project and program
// branches stop at their first token, before the intersection: NOT $own tested after the name left ladybug
// intersecting the programs' tokens and reading their names first (5.8 against 4.2 ms for a name held by 398
// programs at 10,000 plans, against 6.7 without $own); a token id of '' when $own (no token is '') stopped them
// sooner still (1.5 ms), but ladybug then scans the Token table instead of looking the token up by its key.
MATCH (:Token {id: $token_a})-[:HAS_PART]->(:TokenPart)<-[:HAS_TOKEN]-(t:Task)-[:HAS_TOKEN]->(:TokenPart)<-[:HAS_PART]-(:Token {id: $token_b})
WITH t
WHERE t.kind = 'item' AND ($document = '' OR t.document = $document)
      AND (t.text CONTAINS $text OR t.title CONTAINS $text)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       '' AS via
UNION
MATCH (a:Token {id: $token_a}) WHERE NOT $own
MATCH (a)-[:HAS_PART]->(:TokenPart)<-[:HAS_TOKEN]-(p:Project)-[:HAS_TOKEN]->(:TokenPart)<-[:HAS_PART]-(:Token {id: $token_b})
WHERE p.name CONTAINS $text
MATCH (p)<-[:CONCERNS]-(t:Task)
WITH t, p
WHERE t.kind = 'item' AND ($document = '' OR t.document = $document)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
UNION
MATCH (a:Token {id: $token_a}) WHERE NOT $own
MATCH (a)-[:HAS_PART]->(:TokenPart)<-[:HAS_TOKEN]-(p:Program)-[:HAS_TOKEN]->(:TokenPart)<-[:HAS_PART]-(:Token {id: $token_b})
WHERE p.name CONTAINS $text
MATCH (p)<-[:PART_OF]-(t:Task)
WITH t, p
WHERE t.kind = 'item' AND ($document = '' OR t.document = $document)
RETURN t.id AS node, t.task_id AS task, t.text AS text, t.document AS document, t.line_first AS line_first,
       p.name AS via
