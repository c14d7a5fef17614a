// A COUNT subquery per unit: ladybug tests the role and document of each relationship there; as a WHERE
// on the whole match (with the parameters) it read every relationship's properties first, 10 times slower.
MATCH (u:Unit)
WITH u, COUNT { MATCH (u)-[r:LEADS|RESPONSIBLE_FOR|COOPERATES_ON]->(:Task)
                WHERE ($role = 'all' OR r.role = $role) AND ($document = '' OR r.document = $document) } AS held
WHERE held > 0
RETURN u.id AS id, u.name AS unit, u.kind AS kind, held
