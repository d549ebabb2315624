// description: A method family: the methods that are variants of it (VARIANT_OF, up to three steps), with their papers.
// param family: family name, case-insensitive (default ResNet)
MATCH (f:Method)
WHERE lower(f.name) = lower($family)
MATCH (m:Method)-[:VARIANT_OF*1..3]->(f)
OPTIONAL MATCH (p:Paper)-[:PROPOSES|USES]->(m)
RETURN m.name AS method, count(DISTINCT p) AS papers
ORDER BY papers DESC, method
