// description: Papers that propose a method and release code, with the method and the link.
// param limit: how many rows (default 25)
MATCH (p:Paper)-[:PROPOSES]->(m:Method)
MATCH (p)-[:HAS_CODE]->(r:Repository)
WHERE r.kind = 'code'
RETURN m.name AS method, r.url AS code, p.title AS paper
ORDER BY method, code
LIMIT $limit
