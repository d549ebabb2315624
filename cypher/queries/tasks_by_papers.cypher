// description: Tasks ranked by the number of papers addressing them.
// param limit: how many rows (default 15)
MATCH (p:Paper)-[:ADDRESSES]->(t:Task)
RETURN t.name AS task, count(DISTINCT p) AS papers
ORDER BY papers DESC, task
LIMIT $limit
