// description: Methods most often used as baselines (compared against).
// param limit: how many rows (default 10)
MATCH (p:Paper)-[u:USES]->(m:Method)
WHERE u.role = 'baseline'
RETURN m.name AS method, count(DISTINCT p) AS papers
ORDER BY papers DESC, method
LIMIT $limit
