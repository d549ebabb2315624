// description: Methods whose name starts with a family name (ResNet -> ResNet-50, ResNeXt ...), with papers.
// param family: name prefix, case-insensitive (default ResNet)
MATCH (m:Method)
WHERE lower(m.name) STARTS WITH lower($family)
OPTIONAL MATCH (p:Paper)-[:PROPOSES|USES]->(m)
RETURN m.name AS method, count(DISTINCT p) AS papers
ORDER BY papers DESC, method
