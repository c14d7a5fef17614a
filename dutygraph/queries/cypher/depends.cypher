// Leaf tasks depending on the nodes $targets names, one UNION branch per relationship. Each branch finds its
// targets by primary key (UNWIND, WITH DISTINCT, then MATCH {id: id}) and follows their incoming relationships
// with an OPTIONAL MATCH, whose misses the WITH … WHERE drops. ladybug then reads only those targets'
// adjacency; with WHERE p.id IN $targets it read every node of the label (every task for PART_OF: 8 ms at
// 1,000 plans, growing with the store), and a MATCH in place of the OPTIONAL MATCH made it join every
// relationship of the type by hash.
UNWIND $targets AS id
WITH DISTINCT id
MATCH (p:Program {id: id})
OPTIONAL MATCH (t:Task)-[d:DEPENDS_ON]->(p)
WITH t, d, p WHERE t.kind = 'item'
RETURN t.id AS node, 0 AS rank, d.basis AS basis, p.name AS via, d.printed AS printed
UNION ALL
UNWIND $targets AS id
WITH DISTINCT id
MATCH (p:Project {id: id})
OPTIONAL MATCH (t:Task)-[d:CONCERNS]->(p)
WITH t, d, p WHERE t.kind = 'item'
RETURN t.id AS node, 1 AS rank, 'concerns' AS basis, p.name AS via, d.printed AS printed
UNION ALL
UNWIND $targets AS id
WITH DISTINCT id
MATCH (p:Place {id: id})
OPTIONAL MATCH (t:Task)-[d:LOCATED_IN]->(p)
WITH t, d, p WHERE t.kind = 'item'
RETURN t.id AS node, 2 AS rank, 'located_in' AS basis, p.name AS via, d.printed AS printed
UNION ALL
UNWIND $targets AS id
WITH DISTINCT id
MATCH (p:Task {id: id})
OPTIONAL MATCH (t:Task)-[d:PART_OF]->(p)
WITH t, d, p WHERE t.kind = 'item'
RETURN t.id AS node, 3 AS rank, 'part_of' AS basis, p.name AS via, d.printed AS printed
