// description: Where papers put their code and pages: links per host and kind.
MATCH (p:Paper)-[:HAS_CODE]->(r:Repository)
WHERE r.host IS NOT NULL
RETURN r.host AS host, r.kind AS kind, count(DISTINCT p) AS papers
ORDER BY papers DESC, host, kind
