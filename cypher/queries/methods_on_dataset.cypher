// description: Methods used or proposed by papers that evaluate on a dataset, with their code links.
// param dataset: dataset name (default ImageNet)
MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset {name: $dataset})
MATCH (p)-[:PROPOSES|USES]->(m:Method)
OPTIONAL MATCH (p)-[:HAS_CODE]->(r:Repository)
RETURN m.name AS method, count(DISTINCT p) AS papers, collect(DISTINCT r.url) AS code
ORDER BY papers DESC, method
