// description: Papers that share methods with a given paper, most shared first.
// param paper: paper id, e.g. from MATCH (p:Paper) RETURN p.id (default none)
// param limit: how many rows (default 10)
MATCH (p:Paper {id: $paper})-[:PROPOSES|USES]->(m:Method)<-[:PROPOSES|USES]-(q:Paper)
WHERE q.id <> p.id
RETURN q.id AS id, q.title AS paper, collect(DISTINCT m.name) AS shared, count(DISTINCT m) AS n
ORDER BY n DESC, id
LIMIT $limit
