MATCH (u:Unit)
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.jurisdiction AS jurisdiction, u.documents AS documents
