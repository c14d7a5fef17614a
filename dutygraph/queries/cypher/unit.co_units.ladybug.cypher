// ladybug: the co-units of each task of unit.rows.ladybug.cypher, by the task's key (_row): the names of the
// other units holding it in any role, distinct; a task no other unit holds has no row here (an empty list).
// Grouped by the task's id alone, the aggregation carries nothing but the names.
MATCH (u:Unit {id: $unit})-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(t:Task)<-[:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]-(o:Unit)
WHERE o.id <> $unit
RETURN offset(id(t)) AS _row, list_distinct(collect(o.name)) AS co_units
