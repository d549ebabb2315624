// description: The evidence behind the relationships from a paper to an entity: sentence, offsets, extractor.
// param paper: paper id, e.g. from the leaderboard answers (default none)
// param name: entity name, a method, dataset, task, metric or concept (default none)
MATCH (p:Paper {id: $paper})-[r]->(e)
WHERE e.name = $name
RETURN e.id AS entity, r.field AS field, r.char_start AS char_start, r.char_end AS char_end,
       r.extractor AS extractor, r.sentence AS sentence
ORDER BY entity, char_start
