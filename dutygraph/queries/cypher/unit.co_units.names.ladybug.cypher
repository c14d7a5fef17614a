// ladybug: the name of every unit by its key (offset in the Unit table), to name the keys that
// unit.co_units.ladybug.cypher gathers. Units are shared nodes (hundreds, not growing with the documents).
MATCH (o:Unit)
RETURN offset(id(o)) AS _key, o.name AS name
