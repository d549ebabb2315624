// description: Datasets and benchmarks introduced by papers in the corpus.
MATCH (p:Paper)-[:INTRODUCES]->(d:Dataset)
RETURN d.name AS dataset, p.title AS paper
ORDER BY dataset, paper
