// description: Pairs of datasets evaluated on by the same papers.
// param limit: how many rows (default 10)
MATCH (a:Dataset)<-[:EVALUATES_ON]-(p:Paper)-[:EVALUATES_ON]->(b:Dataset)
WHERE a.name < b.name
RETURN a.name AS first, b.name AS second, count(DISTINCT p) AS papers
ORDER BY papers DESC, first, second
LIMIT $limit
