// description: The leaderboard of a benchmark (a task on a dataset): results in one metric, best first, with method and paper.
// param dataset: dataset name (default ImageNet)
// param task: task name, or empty for every benchmark on the dataset (default image classification)
// param metric: metric name (default top-1 accuracy)
MATCH (b:Benchmark)-[:OF_DATASET]->(:Dataset {name: $dataset})
WHERE $task = '' OR lower(b.task) = lower($task)
MATCH (r:Result)-[:ON_BENCHMARK]->(b)
MATCH (r)-[:FOR_METRIC]->(:Metric {name: $metric})
MATCH (p:Paper)-[:REPORTS]->(r)
OPTIONAL MATCH (r)-[:OF_METHOD]->(m:Method)
RETURN b.name AS benchmark, m.name AS method, r.value AS value, r.number AS score, p.title AS paper
ORDER BY score DESC, paper
