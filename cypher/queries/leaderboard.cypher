// description: Reported results on a dataset for one metric, best first, with method and paper.
// param dataset: dataset name (default ImageNet)
// param metric: metric name (default top-1 accuracy)
MATCH (r:Result)-[:ON_DATASET]->(d:Dataset {name: $dataset})
MATCH (r)-[:FOR_METRIC]->(x:Metric {name: $metric})
MATCH (p:Paper)-[:REPORTS]->(r)
OPTIONAL MATCH (r)-[:OF_METHOD]->(m:Method)
RETURN m.name AS method, r.value AS value, r.number AS score, p.title AS paper
ORDER BY score DESC, paper
